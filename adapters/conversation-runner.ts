/**
 * Runs a pack's conversation tests (conversations/*.json) through the real bot and dialogs, in
 * memory, the way `guichet chat` talks to it: each turn's replies are checked against what the
 * editor expects (the topic understood, the question asked, a message said, services found).
 */
import { MemoryStorage, type TurnContext } from 'botbuilder';
import { messagesContent, type ContentSource } from '../bot/content.js';
import type { ConversationFile, KnowledgePack } from '../bot/knowledge/index.js';
import { packTraining, trainClassifierAsync } from '../bot/language/index.js';
import { silentLogger } from '../bot/logger.js';
import { classifierUnderstanding, type Understanding } from '../bot/understanding.js';
import { createBot } from './bot-factory.js';
import { ConsoleAdapter } from './channels/console.js';

type Conversation = ConversationFile['conversations'][number];
type Expectation = NonNullable<Conversation['turns'][number]['expect']>;

export interface ConversationResult {
  file: string;
  line: number;
  name: string;
  passed: boolean;
  /** The first turn that did not go as expected, and how. */
  failure?: string;
}

export async function runConversations(pack: KnowledgePack): Promise<ConversationResult[]> {
  if (pack.conversations.length === 0) return [];
  const understanding = await classifierFor(pack);
  const content: ContentSource = {
    current: () =>
      messagesContent(pack.hash, pack.messages, pack.settings.conversation?.maxMessageLength ?? 5000),
  };
  const results: ConversationResult[] = [];
  for (const { file, value, lines } of pack.conversations) {
    for (const [index, conversation] of value.conversations.entries()) {
      const failure = await runOne(pack, content, understanding, conversation);
      results.push({
        file,
        line: lines[index] ?? 1,
        name: conversation.name,
        passed: !failure,
        ...(failure ? { failure } : {}),
      });
    }
  }
  return results;
}

export function formatConversationResult(result: ConversationResult): string {
  const head = `${result.passed ? 'pass' : 'FAIL'} ${result.file}:${result.line} ${result.name}`;
  return result.failure ? `${head}\n    ${result.failure}` : head;
}

async function classifierFor(pack: KnowledgePack): Promise<Understanding> {
  const training = packTraining(pack);
  return classifierUnderstanding(
    await trainClassifierAsync(training.examples, training.settings, { exact: training.exact }),
  );
}

async function runOne(
  pack: KnowledgePack,
  content: ContentSource,
  understanding: Understanding,
  conversation: Conversation,
): Promise<string | undefined> {
  const locale = conversation.locale ?? 'en';
  const today = conversation.asOf ? new Date(`${conversation.asOf}T12:00:00Z`) : new Date();
  const built = createBot({
    storage: new MemoryStorage(),
    content,
    understanding: () => understanding,
    knowledge: () => pack,
    today: () => today,
    logger: silentLogger,
  });
  let replies: string[] = [];
  const adapter = new ConsoleAdapter((text) => replies.push(text), locale);
  let crashed: Error | undefined;
  adapter.onTurnError = async (_context: TurnContext, error: Error) => {
    crashed = error;
  };
  await adapter.start(built.run);
  for (const [index, turn] of conversation.turns.entries()) {
    replies = [];
    await adapter.say(turn.user, built.run);
    const reply = replies.join('\n');
    const where = `turn ${index + 1} ("${turn.user}")`;
    if (crashed) return `${where}: the bot failed: ${crashed.message}`;
    const problem = turn.expect
      ? check(pack, understanding, turn.user, locale, turn.expect, reply)
      : undefined;
    if (problem) return `${where}: ${problem}; the bot said: ${JSON.stringify(reply.slice(0, 300))}`;
  }
  return undefined;
}

function check(
  pack: KnowledgePack,
  understanding: Understanding,
  user: string,
  locale: string,
  expect: Expectation,
  reply: string,
): string | undefined {
  const textOf = (text: { en: string; [locale: string]: string } | undefined) =>
    text ? (text[locale] ?? text.en) : '';
  if (expect.topic) {
    const understood = understanding.understand(user, locale).intent;
    if (understood !== expect.topic) return `expected topic ${expect.topic}, understood ${understood}`;
  }
  const finished = reply.includes(
    pack.messages[locale]?.results_guidance ?? pack.messages.en?.results_guidance ?? '\u0000',
  );
  if (expect.asks) {
    // Asked, not merely quoted in a summary of answers.
    const prompt = textOf(pack.questions[expect.asks]?.prompt);
    if (!prompt || finished || !reply.split('\n').includes(prompt))
      return `expected the question ${expect.asks} ("${prompt}")`;
  }
  if (expect.message) {
    // Up to the first {slot}: the rest depends on the conversation.
    const said = (pack.messages[locale]?.[expect.message] ?? pack.messages.en?.[expect.message] ?? '')
      .split('{')[0]!
      .trim();
    if (!said || !reply.includes(said)) return `expected the message ${expect.message} ("${said}")`;
  }
  for (const id of expect.eligible ?? []) {
    const title = textOf(pack.services[id]?.title);
    if (!title || !reply.includes(title)) return `expected ${id} ("${title}") among the results`;
  }
  if (expect.contains && !reply.includes(expect.contains)) return `expected the words "${expect.contains}"`;
  if (expect.excludes && reply.includes(expect.excludes))
    return `did not expect the words "${expect.excludes}"`;
  return undefined;
}
