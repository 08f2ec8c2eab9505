/**
 * loadPack: read, validate (schemas, then cross-references), freeze and index a pack. It never throws:
 * whatever an editor writes comes back as problems, so a running server can refuse a broken edit and
 * keep serving the last good pack.
 */
import { crossCheck } from './cross-check.js';
import { baseName, emptyContents, type Located, type PackContents } from './contents.js';
import { contentHash } from './hash.js';
import type { FileKind } from './layout.js';
import { buildPack, type KnowledgePack } from './pack.js';
import { problem, hasErrors, sortProblems, type Problem } from './problems.js';
import { readPack, type PackSource } from './read-pack.js';
import { validateSource } from './schemas.js';
import { registeredChecks } from './engine-link.js';

export interface LoadOptions {
  /** The ids of the named checks the engine registers (default: the engine's own registry). */
  checks?: Iterable<string>;
  /** Today's date YYYY-MM-DD, for review ages (default: the real date). */
  today?: string;
}

export interface LoadResult {
  /** The pack, when there is no error (warnings allowed). */
  pack?: KnowledgePack;
  problems: Problem[];
}

/** The ids a file defines, remembered when the file fails its schema (see PackContents.brokenIds). */
function rememberIds(contents: PackContents, kind: FileKind, value: unknown): void {
  const add = (k: string, id: unknown): void => {
    if (typeof id !== 'string') return;
    const set = contents.brokenIds.get(k) ?? new Set<string>();
    set.add(id);
    contents.brokenIds.set(k, set);
  };
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (kind === 'questions' && Array.isArray(record.questions)) {
    for (const q of record.questions) add('question', (q as { id?: unknown } | null)?.id);
  } else if (kind === 'topics' && Array.isArray(record.topics)) {
    for (const topic of record.topics) add('topic', (topic as { id?: unknown } | null)?.id);
  } else if (kind === 'service' || kind === 'parameter' || kind === 'screening' || kind === 'list') {
    add(kind, record.id);
  }
}

function addValid(contents: PackContents, { kind, source }: PackSource): void {
  const at = <T>(value: T, path: Located<T>['path'] = []): Located<T> => ({ value, source, path });
  const value = source.value as never;
  switch (kind) {
    case 'settings':
      contents.settings = at(value);
      break;
    case 'service':
      contents.services.push(at(value));
      break;
    case 'questions':
      (source.value as { questions: unknown[] }).questions.forEach((q, i) =>
        contents.questions.push(at(q as never, ['questions', i])),
      );
      break;
    case 'parameter':
      contents.parameters.push(at(value));
      break;
    case 'list':
      contents.lists.push(at(value));
      break;
    case 'screening':
      contents.screenings.push(at(value));
      break;
    case 'topics':
      contents.topics.push(at(value));
      break;
    case 'messages':
      contents.messages.push(at(value));
      break;
    case 'scenario':
      contents.scenarios.push(at(value));
      break;
    case 'conversation':
      contents.conversations.push(at(value));
      break;
  }
}

function requiredFiles(sources: PackSource[], problems: Problem[]): void {
  const has = (file: string) =>
    sources.some((s) => s.source.file === file) || problems.some((p) => p.file === file);
  const required: Array<[string, string]> = [
    ['settings.json', 'every pack has a settings.json with its locales and classifier thresholds'],
    ['messages/en.json', 'the bot needs its own sentences in English'],
    ['topics/en.json', 'the bot needs English topics and intents to understand people'],
  ];
  for (const [file, why] of required) {
    if (!has(file))
      problems.push(problem('MISSING_FILE', { file, line: 1, col: 1 }, `${file} is missing`, why));
  }
}

async function load(dir: string, options: LoadOptions): Promise<LoadResult> {
  const read = await readPack(dir);
  const problems = [...read.problems];
  if (problems.some((p) => p.code === 'TOO_MANY_FILES' || (p.code === 'FILE_UNREADABLE' && p.file === '.'))) {
    return { problems };
  }
  const contents = emptyContents();
  // A file that does not parse still defines the id its name gives (services/x.json is service x).
  for (const { kind, file } of read.failed) rememberIds(contents, kind, { id: baseName(file) });
  let complete = read.failed.length === 0;
  for (const item of read.sources) {
    const found = validateSource(item.kind, item.source);
    problems.push(...found);
    if (found.some((p) => p.code !== 'SCHEMA_NAME')) {
      rememberIds(contents, item.kind, item.source.value);
      complete = false;
    } else addValid(contents, item);
  }
  requiredFiles(read.sources, problems);
  const checks = new Set(options.checks ?? (await registeredChecks()));
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  problems.push(...crossCheck(contents, { checks, today, complete }));
  const sorted = sortProblems(problems);
  if (hasErrors(sorted)) return { problems: sorted };
  return { pack: buildPack(dir, contentHash(read.texts), contents), problems: sorted };
}

/** Loads a pack. Never throws: an unexpected failure is reported as an INTERNAL problem. */
export async function loadPack(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  try {
    return await load(dir, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        problem(
          'INTERNAL',
          { file: '.', line: 1, col: 1 },
          `the pack could not be loaded: ${message}`,
          'this is a bug in Guichet, not in the pack; please report it',
        ),
      ],
    };
  }
}
