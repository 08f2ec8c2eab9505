/**
 * guichet kb validate [--knowledge DIR]: schema and cross-reference problems, one a line as
 * `file:line:col CODE message`, then the translation coverage.
 * Exit 0 valid (warnings allowed), 1 errors found, 2 usage error.
 */
import { parsePackArgs } from '../../../bot/knowledge/cli-args.js';
import {
  formatCoverage,
  formatProblems,
  hasErrors,
  loadPack,
  translationCoverage,
} from '../../../bot/knowledge/index.js';

const USAGE = 'Usage: guichet kb validate [--knowledge DIR]\n';

export async function run(argv: string[]): Promise<number> {
  const parsed = parsePackArgs(argv, process.env.GUICHET_KNOWLEDGE || 'knowledge');
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
  } else {
    lines.push(`${dir}: not valid`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return hasErrors(result.problems) ? 1 : 0;
}
