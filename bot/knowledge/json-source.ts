/**
 * JSON with source positions. The pack's files are strict JSON (no comments, no trailing commas), but
 * we parse them with jsonc-parser because it keeps every value's offset: problems can then point at
 * the line and column the editor has to change, and a syntax error gives one clear message instead of
 * a stack trace.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

export type JsonPath = Array<string | number>;

export interface Position {
  line: number;
  col: number;
}

export interface SourceFile {
  /** Relative to the pack folder, with / separators. */
  file: string;
  text: string;
  value: unknown;
  root: Node;
  /** Start offset of each line, to turn offsets into line:col. */
  lineStarts: number[];
}

export interface SyntaxFailure {
  position: Position;
  message: string;
  hint?: string;
  /** True when the JSON may be well formed but nests too deep to check. */
  tooDeep?: boolean;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, col: offset - (lineStarts[low] ?? 0) + 1 };
}

const SMART_QUOTES = /[\u2018\u2019\u201C\u201D\u00AB\u00BB]/;

/** The editor's version of a parse error: what is wrong, where, and what to do. */
function explain(text: string, error: ParseError, lineStarts: number[]): SyntaxFailure {
  const position = positionAt(lineStarts, error.offset);
  const found = text.slice(error.offset, error.offset + Math.max(1, error.length));
  if (SMART_QUOTES.test(found) || (error.error === 1 && SMART_QUOTES.test(text.charAt(error.offset)))) {
    return {
      position,
      message: `curly quote ${found.charAt(0)} where JSON needs a straight quote "`,
      hint: 'word processors turn " into “ ”; type the quote again in a code editor',
    };
  }
  // A comma followed by } or ] is the commonest slip: the parser reports what it expected next.
  const before = text.slice(0, error.offset).replace(/\s+$/, '');
  const next = text.charAt(error.offset);
  if (before.endsWith(',') && (next === '}' || next === ']')) {
    const comma = positionAt(lineStarts, before.length - 1);
    return {
      position: comma,
      message: `trailing comma before ${next}`,
      hint: 'remove the comma after the last item',
    };
  }
  if (error.offset >= text.length) {
    return { position, message: 'the file ends too early', hint: 'a closing } or ] or " is missing' };
  }
  const readable: Record<string, string> = {
    InvalidSymbol: `unexpected character ${JSON.stringify(found.charAt(0))}`,
    InvalidNumberFormat: 'this number is not written the JSON way',
    PropertyNameExpected: 'a property name in double quotes was expected here',
    ValueExpected: 'a value was expected here',
    ColonExpected: 'a colon (:) was expected here',
    CommaExpected: 'a comma was expected here',
    CloseBraceExpected: 'a closing } was expected here',
    CloseBracketExpected: 'a closing ] was expected here',
    EndOfFileExpected: 'there is more text after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed in pack files',
    UnexpectedEndOfComment: 'comments are not allowed in pack files',
    UnexpectedEndOfString: 'a text is not closed with "',
    UnexpectedEndOfNumber: 'a number is cut short',
    InvalidUnicode: 'a \\u escape is not valid',
    InvalidEscapeCharacter: 'a backslash escape is not valid',
    InvalidCharacter: 'a character that JSON does not allow inside a text (a tab or a line break?)',
  };
  const name = printParseErrorCode(error.error);
  return { position, message: readable[name] ?? `not valid JSON (${name})` };
}

/** How deep objects and lists may nest. A real pack file needs about 15; far deeper would overflow
 * the stack of the parsers and validators that walk it. */
export const MAX_DEPTH = 64;

/** The offset where nesting first goes past MAX_DEPTH, or -1. Counts brackets outside strings. */
function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Parses strict JSON; on failure returns the first error only, explained. */
export function parseSource(file: string, text: string): SourceFile | SyntaxFailure {
  const lineStarts = lineStartsOf(text);
  if (text.trim() === '') return { position: { line: 1, col: 1 }, message: 'the file is empty' };
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    return {
      position: positionAt(lineStarts, deep),
      message: `values are nested more than ${MAX_DEPTH} levels deep`,
      hint: 'a rule this deep is hard to read: split it, or move a part into a named check',
      tooDeep: true,
    };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    if (first) return explain(text, first, lineStarts);
    return { position: { line: 1, col: 1 }, message: 'the file is empty' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // jsonc-parser accepted something JSON.parse refuses (it is more lenient about some escapes).
    return { position: { line: 1, col: 1 }, message: 'not valid JSON' };
  }
  return { file, text, value, root, lineStarts };
}

export function isSyntaxFailure(parsed: SourceFile | SyntaxFailure): parsed is SyntaxFailure {
  return 'message' in parsed;
}

/**
 * The position of the value at `path`, or of the nearest ancestor that exists (a missing property
 * points at the object that should hold it). With `key`, points at the property name instead.
 */
export function locate(source: SourceFile, path: JsonPath, key = false): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(source.root, path.slice(0, depth));
    if (!node) continue;
    const target = key && depth === path.length && node.parent?.type === 'property' ? node.parent : node;
    return positionAt(source.lineStarts, target.offset);
  }
  return { line: 1, col: 1 };
}
