/**
 * Problems found in a pack, in the editor's words: `file:line:col CODE message` plus a hint.
 * The codes are stable (editors search for them, knowledge/README.md explains each one; a test keeps
 * the two lists in step), so add codes, do not rename them.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
  /** The file, relative to the pack folder, with / separators. */
  file: string;
  /** 1-based line and column of the offending value (1:1 when the whole file is at fault). */
  line: number;
  col: number;
  code: ProblemCode;
  severity: Severity;
  message: string;
  hint?: string;
}

/** Every problem code with its severity and a one-line meaning (the README says more). */
export const PROBLEM_CODES = {
  JSON_SYNTAX: { severity: 'error', meaning: 'the file is not valid JSON' },
  FILE_TOO_LARGE: { severity: 'error', meaning: 'a file is larger than the pack allows' },
  TOO_DEEP: { severity: 'error', meaning: 'values nest deeper than the pack allows' },
  TOO_MANY_FILES: { severity: 'error', meaning: 'the pack has more files than it allows' },
  FILE_UNREADABLE: { severity: 'error', meaning: 'a file or folder could not be read' },
  UNKNOWN_FILE: { severity: 'warning', meaning: 'a file the loader does not know what to do with' },
  MISSING_FILE: { severity: 'error', meaning: 'a file every pack needs is missing' },
  SCHEMA_NAME: { severity: 'error', meaning: '"$schema" is missing or names the wrong schema' },
  SCHEMA: { severity: 'error', meaning: "a value does not follow the file's schema" },
  MISSING_EN: { severity: 'error', meaning: 'a citizen-facing text has no English (en) version' },
  ID_MISMATCH: { severity: 'error', meaning: 'an id or locale does not match its file name' },
  DUPLICATE_ID: { severity: 'error', meaning: 'two things share one id' },
  UNKNOWN_QUESTION: { severity: 'error', meaning: 'a reference to a question that does not exist' },
  UNKNOWN_CHOICE: { severity: 'error', meaning: 'a reference to an option its question does not have' },
  UNKNOWN_PARAMETER: { severity: 'error', meaning: 'a reference to a parameter that does not exist' },
  UNKNOWN_SERVICE: { severity: 'error', meaning: 'a reference to a service that does not exist' },
  UNKNOWN_SCREENING: { severity: 'error', meaning: 'a reference to a screening that does not exist' },
  UNKNOWN_TOPIC: { severity: 'error', meaning: 'a reference to a topic that does not exist' },
  UNKNOWN_CHECK: { severity: 'error', meaning: 'a rule names a check the engine does not provide' },
  UNKNOWN_LIST: { severity: 'error', meaning: 'a rule names a list that does not exist' },
  UNKNOWN_VALUE: { severity: 'error', meaning: 'a rule or value names a value no screening defines' },
  UNKNOWN_MESSAGE: { severity: 'error', meaning: 'a translation has a message English does not have' },
  NOT_A_NUMBER: {
    severity: 'error',
    meaning: 'a bound depends on a question whose answer is not a number',
  },
  NOT_ASKED: { severity: 'error', meaning: 'a rule needs a question its screening never asks' },
  PARAMETER_OVERLAP: { severity: 'error', meaning: 'two periods of a parameter cover the same day' },
  PARAMETER_GAP: { severity: 'error', meaning: 'days between two periods of a parameter have no value' },
  DATE_ORDER: { severity: 'error', meaning: 'a period ends before it starts' },
  DUPLICATE_UTTERANCE: {
    severity: 'error',
    meaning: 'the same sentence is listed under two topics or intents',
  },
  PLACEHOLDER_MISMATCH: {
    severity: 'error',
    meaning: 'a translation does not keep the {placeholders} of English',
  },
  THRESHOLD_ORDER: { severity: 'error', meaning: 'the confirm threshold is above the accept threshold' },
  UNUSED: { severity: 'warning', meaning: 'something is defined but nothing uses it' },
  MISSING_SOURCE: { severity: 'warning', meaning: 'a service has no official source' },
  REVIEW_OVERDUE: { severity: 'warning', meaning: 'a service was last reviewed too long ago' },
  NO_SERVICES: { severity: 'warning', meaning: 'the pack has no services' },
  INTERNAL: { severity: 'error', meaning: 'the loader itself failed (a bug in Guichet, not in the pack)' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Makes a problem with the code's usual severity. */
export function problem(
  code: ProblemCode,
  at: { file: string; line: number; col: number },
  message: string,
  hint?: string,
): Problem {
  const made: Problem = {
    file: at.file,
    line: at.line,
    col: at.col,
    code,
    severity: PROBLEM_CODES[code].severity,
    message,
  };
  if (hint !== undefined) made.hint = hint;
  return made;
}

/** One problem as one line (plus an indented hint line): `file:line:col CODE message`. */
export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.col} ${p.code} ${p.message}`;
  return p.hint ? `${head}\n    hint: ${p.hint}` : head;
}

/** Sorts problems by file, then position, so output is stable from run to run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code),
  );
}

/** The whole report: sorted problems, then a count line. */
export function formatProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = sortProblems(problems).map(formatProblem);
  lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
