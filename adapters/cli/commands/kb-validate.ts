/**
 * guichet kb validate [--knowledge DIR] [--report]: schema and cross-reference problems, one a line
 * as `file:line:col CODE message`, then the translation coverage. --report adds how readable the
 * English texts are, with the hardest ones (it informs, it never fails validation).
 * Exit 0 valid (warnings allowed), 1 errors found, 2 usage error.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePackArgs } from '../../../bot/knowledge/cli-args.js';
import {
  formatCoverage,
  formatProblems,
  hasErrors,
  loadPack,
  translationCoverage,
} from '../../../bot/knowledge/index.js';
import { formatReadability, readabilityReport } from '../../../bot/knowledge/readability.js';

const USAGE = 'Usage: guichet kb validate [--knowledge DIR] [--report]\n';
const REPORT = '--report';

/** Which questions/*.json file each question id is in, so the report can say where a text is. */
async function questionFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const names = await readdir(join(dir, 'questions')).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const parsed = JSON.parse(await readFile(join(dir, 'questions', name), 'utf8')) as {
        questions?: Array<{ id?: unknown }>;
      };
      for (const q of parsed.questions ?? []) if (typeof q.id === 'string') files[q.id] = `questions/${name}`;
    } catch {
      // The loader has already reported a file it cannot read; the report just names no file.
    }
  }
  return files;
}

export async function run(argv: string[]): Promise<number> {
  // --report is this command's own; the shared parser knows the options kb test also takes.
  const report = argv.includes(REPORT);
  const parsed = parsePackArgs(
    argv.filter((arg) => arg !== REPORT),
    process.env.GUICHET_KNOWLEDGE || 'knowledge',
  );
  if (!parsed.ok) {
    process.stderr.write(`guichet kb validate: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dir = parsed.args.knowledge;
  const result = await loadPack(dir);
  const lines = [formatProblems(result.problems)];
  if (result.pack) {
    lines.push(formatCoverage(translationCoverage(result.pack)));
    lines.push(`${dir}: valid (version ${result.pack.hash.slice(0, 12)})`);
    if (report) lines.push(formatReadability(readabilityReport(result.pack, await questionFiles(dir))));
  } else {
    lines.push(`${dir}: not valid`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return hasErrors(result.problems) ? 1 : 0;
}
