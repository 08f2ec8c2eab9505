/**
 * Reads a pack folder into parsed sources, within limits, turning every I/O or syntax failure into a
 * problem. Only the top of the pack and its known folders are read (never deeper), so a stray
 * node_modules or a folder of 10,000 files costs one directory listing, not a hang.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSyntaxFailure, parseSource, type SourceFile } from './json-source.js';
import { IGNORED_AT_TOP, LAYOUT, LIMITS, SETTINGS_FILE, type FileKind } from './layout.js';
import { problem, type Problem } from './problems.js';

export interface PackSource {
  kind: FileKind;
  source: SourceFile;
}

export interface ReadResult {
  sources: PackSource[];
  problems: Problem[];
  /** Every file's relative path and text, for the content hash. */
  texts: Array<{ file: string; text: string }>;
  /** Files that could not be read or parsed, with their kind. */
  failed: Array<{ kind: FileKind; file: string }>;
}

const TOP = { line: 1, col: 1 };
const READ_BATCH = 32;

interface Candidate {
  kind: FileKind;
  file: string;
  path: string;
}

/** The folder's entries: regular files, and the rest (sub-folders, links, devices) to warn about. */
async function listFolder(dir: string): Promise<{ files: string[]; others: string[] } | undefined> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return {
      files: entries.filter((e) => e.isFile()).map((e) => e.name),
      others: entries.filter((e) => !e.isFile() && !e.name.startsWith('.')).map((e) => e.name),
    };
  } catch {
    return undefined;
  }
}

/** Finds the files to read; says which are unexpected. Does not open any file. */
async function listCandidates(dir: string, problems: Problem[]): Promise<Candidate[] | undefined> {
  let top;
  try {
    top = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    problems.push(problem('FILE_UNREADABLE', { file: '.', ...TOP }, `the pack folder ${dir} ${reason}`));
    return undefined;
  }
  const candidates: Candidate[] = [];
  const folders = new Map(LAYOUT.filter((l) => l.folder !== '').map((l) => [l.folder, l.kind]));
  for (const entry of top) {
    if (IGNORED_AT_TOP.has(entry.name) || entry.name.startsWith('.')) continue;
    if (entry.isFile() && entry.name === SETTINGS_FILE) {
      candidates.push({ kind: 'settings', file: SETTINGS_FILE, path: join(dir, SETTINGS_FILE) });
      continue;
    }
    const kind = entry.isDirectory() ? folders.get(entry.name) : undefined;
    if (kind === undefined) {
      problems.push(
        problem(
          'UNKNOWN_FILE',
          { file: entry.name, ...TOP },
          `${entry.name} is not part of a pack and is ignored`,
          `pack folders are: ${[...folders.keys()].join(', ')}`,
        ),
      );
      continue;
    }
    const names = await listFolder(join(dir, entry.name));
    if (names === undefined) {
      problems.push(
        problem('FILE_UNREADABLE', { file: entry.name, ...TOP }, `the folder ${entry.name} cannot be read`),
      );
      continue;
    }
    for (const name of names.others.sort()) {
      const file = `${entry.name}/${name}`;
      problems.push(
        problem(
          'UNKNOWN_FILE',
          { file, ...TOP },
          `${file} is not a plain file and is ignored`,
          'sub-folders and links are not read',
        ),
      );
    }
    for (const name of names.files.sort()) {
      const file = `${entry.name}/${name}`;
      if (name.startsWith('.')) continue;
      if (!name.endsWith('.json')) {
        problems.push(
          problem('UNKNOWN_FILE', { file, ...TOP }, `${file} is not a .json file and is ignored`),
        );
        continue;
      }
      candidates.push({ kind, file, path: join(dir, entry.name, name) });
    }
    if (candidates.length > LIMITS.maxFiles) break;
  }
  if (candidates.length > LIMITS.maxFiles) {
    problems.push(
      problem(
        'TOO_MANY_FILES',
        { file: '.', ...TOP },
        `the pack has more than ${LIMITS.maxFiles} files; nothing was loaded`,
        'a pack holds a few hundred files; check that no other folder was copied into it',
      ),
    );
    return undefined;
  }
  return candidates;
}

async function readOne(candidate: Candidate, problems: Problem[]): Promise<string | undefined> {
  try {
    const info = await stat(candidate.path);
    if (info.size > LIMITS.maxFileBytes) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      problems.push(
        problem(
          'FILE_TOO_LARGE',
          { file: candidate.file, ...TOP },
          `the file is ${mb} MB; the limit is ${LIMITS.maxFileBytes / 1024 / 1024} MB`,
          'split it into several files',
        ),
      );
      return undefined;
    }
    return await readFile(candidate.path, 'utf8');
  } catch {
    problems.push(problem('FILE_UNREADABLE', { file: candidate.file, ...TOP }, 'the file cannot be read'));
    return undefined;
  }
}

export async function readPack(dir: string): Promise<ReadResult> {
  const problems: Problem[] = [];
  const sources: PackSource[] = [];
  const texts: ReadResult['texts'] = [];
  const failed: ReadResult['failed'] = [];
  const candidates = await listCandidates(dir, problems);
  if (candidates === undefined) return { sources, problems, texts, failed };
  // Files are read a batch at a time (a pack of hundreds of files loads in one go, not one by one),
  // then parsed in order so that problems come out the same on every run.
  const raws: Array<string | undefined> = [];
  for (let i = 0; i < candidates.length; i += READ_BATCH) {
    raws.push(...(await Promise.all(candidates.slice(i, i + READ_BATCH).map((c) => readOne(c, problems)))));
  }
  for (const [index, candidate] of candidates.entries()) {
    const raw = raws[index];
    if (raw === undefined) {
      failed.push({ kind: candidate.kind, file: candidate.file });
      continue;
    }
    // A byte-order mark is invisible in editors; accept it rather than report column 1 of nothing.
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    texts.push({ file: candidate.file, text });
    const parsed = parseSource(candidate.file, text);
    if (isSyntaxFailure(parsed)) {
      const at = { file: candidate.file, ...parsed.position };
      problems.push(problem(parsed.tooDeep ? 'TOO_DEEP' : 'JSON_SYNTAX', at, parsed.message, parsed.hint));
      failed.push({ kind: candidate.kind, file: candidate.file });
      continue;
    }
    sources.push({ kind: candidate.kind, source: parsed });
  }
  return { sources, problems, texts, failed };
}
