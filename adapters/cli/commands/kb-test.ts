/**
 * guichet kb test [--knowledge DIR] [--verbose]: runs the pack's scenario tests on the eligibility
 * engine and its conversation tests through the bot's dialogs. Exit 0 all pass, 1 a failure (or a
 * pack that does not load), 2 usage.
 *
 * It prints the failures with their details, then the counts: a real pack has ~2,000 cases, and
 * one FAIL among as many "pass" lines was easy to miss. --verbose lists the passing cases too.
 */
import { parsePackArgs } from '../../../bot/knowledge/cli-args.js';
import { formatProblems, hasErrors, loadPack } from '../../../bot/knowledge/index.js';
import { formatCaseResult, runScenarios } from '../../../bot/knowledge/run-scenarios.js';
import { formatConversationResult, runConversations } from '../../conversation-runner.js';

const USAGE = 'Usage: guichet kb test [--knowledge DIR] [--verbose]\n';
const VERBOSE = ['--verbose', '-v'];

export async function run(argv: string[]): Promise<number> {
  // --verbose is this command's own; the shared parser knows the options kb validate also takes.
  const verbose = argv.some((arg) => VERBOSE.includes(arg));
  const parsed = parsePackArgs(
    argv.filter((arg) => !VERBOSE.includes(arg)),
    process.env.GUICHET_KNOWLEDGE || 'knowledge',
  );
  if (!parsed.ok) {
    process.stderr.write(`guichet kb test: ${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const result = await loadPack(parsed.args.knowledge);
  if (!result.pack || hasErrors(result.problems)) {
    process.stdout.write(
      `${formatProblems(result.problems)}\nthe pack does not load, so its tests cannot run\n`,
    );
    return 1;
  }
  const pack = result.pack;
  const results = runScenarios(pack);
  const conversations = await runConversations(pack);
  const shown = (passed: boolean) => verbose || !passed;
  const lines = [
    ...results.filter((r) => shown(r.passed)).map(formatCaseResult),
    ...conversations.filter((c) => shown(c.passed)).map(formatConversationResult),
  ];
  const failed = results.filter((r) => !r.passed).length;
  const failedConversations = conversations.filter((c) => !c.passed).length;
  lines.push(`scenarios: ${results.length - failed} passed, ${failed} failed`);
  if (conversations.length > 0) {
    lines.push(
      `conversations: ${conversations.length - failedConversations} passed, ${failedConversations} failed`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed + failedConversations > 0 ? 1 : 0;
}
