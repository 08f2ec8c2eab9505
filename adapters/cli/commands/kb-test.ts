/**
 * guichet kb test [--knowledge DIR]: runs the pack's scenario tests on the eligibility engine and
 * its conversation tests through the bot's dialogs. Exit 0 all pass, 1 a failure (or a pack that
 * does not load), 2 usage.
 */
import { parsePackArgs } from '../../../bot/knowledge/cli-args.js';
import { formatProblems, hasErrors, loadPack } from '../../../bot/knowledge/index.js';
import { formatCaseResult, runScenarios } from '../../../bot/knowledge/run-scenarios.js';
import { formatConversationResult, runConversations } from '../../conversation-runner.js';

const USAGE = 'Usage: guichet kb test [--knowledge DIR]\n';

export async function run(argv: string[]): Promise<number> {
  const parsed = parsePackArgs(argv, process.env.GUICHET_KNOWLEDGE || 'knowledge');
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
  const lines = results.map(formatCaseResult);
  const failed = results.filter((r) => !r.passed).length;
  const conversations = await runConversations(pack);
  const failedConversations = conversations.filter((c) => !c.passed).length;
  lines.push(...conversations.map(formatConversationResult));
  lines.push(`scenarios: ${results.length - failed} passed, ${failed} failed`);
  if (conversations.length > 0) {
    lines.push(
      `conversations: ${conversations.length - failedConversations} passed, ${failedConversations} failed`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed + failedConversations > 0 ? 1 : 0;
}
