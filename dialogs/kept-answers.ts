/**
 * Keeping answers after the conversation, only with consent: the offer after results (when the
 * pack's settings allow it), the citizen's yes or no, and the welcome back that reuses them.
 * On the web the browser learns, by an event, that it should remember who the citizen is; on
 * "forget me" it learns to forget.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { BotContent } from '../bot/content.js';
import type { KnowledgePack } from '../bot/knowledge/index.js';
import type { ConversationData } from '../bot/state.js';
import { conversationData, type DialogRuntime } from './runtime.js';
import { formatTag } from './render/values.js';

/** The events the web widget listens for. */
export const KEPT_EVENT = 'guichet.answersKept';
export const FORGOTTEN_EVENT = 'guichet.answersForgotten';

/** Whether to offer to keep the answers now: the pack allows it, there are answers, not yet asked. */
export function shouldOfferToKeep(pack: KnowledgePack | undefined, data: ConversationData): boolean {
  const days = pack?.settings.conversation?.keepAnswersDays;
  return days !== undefined && data.keep === undefined && Object.keys(data.answers).length > 0;
}

export function keepOffer(pack: KnowledgePack, locale: string, content: BotContent): string {
  const days = pack.settings.conversation?.keepAnswersDays ?? 0;
  return content.message('keep_answers_offer', locale, { days: String(days) });
}

/** The citizen said yes: keep the answers, say until when, and tell the browser. */
export async function keepAnswers(
  runtime: DialogRuntime,
  context: TurnContext,
  locale: string,
  content: BotContent,
): Promise<void> {
  const pack = runtime.knowledge();
  const data = await conversationData(runtime, context);
  const days = pack?.settings.conversation?.keepAnswersDays ?? 0;
  const until = await runtime.saved.save(context, data.answers, data.skipped, { days });
  if (until === undefined) return;
  data.keep = 'yes';
  data.keptUntil = until;
  await context.sendActivities([
    {
      type: ActivityTypes.Message,
      text: content.message('kept_answers', locale, { date: day(pack, until, locale) }),
    },
    keptEvent(until),
  ]);
}

/** After more answers in a conversation whose answers are kept: keep the new ones too (same date). */
export async function updateKeptAnswers(runtime: DialogRuntime, context: TurnContext): Promise<void> {
  const data = await conversationData(runtime, context);
  if (data.keep !== 'yes' || data.keptUntil === undefined) return;
  await runtime.saved.save(context, data.answers, data.skipped, { expiresAt: data.keptUntil });
}

/**
 * At the start of a conversation (once): answers kept from an earlier visit become this
 * conversation's answers, and the citizen is told. Returns what to say, if anything.
 */
export async function restoreKeptAnswers(
  runtime: DialogRuntime,
  context: TurnContext,
  locale: string,
): Promise<Partial<Activity> | undefined> {
  const data = await conversationData(runtime, context);
  if (data.restoreChecked) return undefined;
  data.restoreChecked = true;
  const saved = await runtime.saved.load(context);
  if (!saved) return undefined;
  data.answers = { ...saved.answers, ...data.answers };
  data.skipped = [...new Set([...saved.skipped, ...data.skipped])];
  data.keep = 'yes';
  data.keptUntil = saved.expiresAt;
  // This conversation holds them now too: "forget me" must reach it.
  await runtime.saved.save(context, data.answers, data.skipped, { expiresAt: saved.expiresAt });
  const content = runtime.content.current();
  const date = day(runtime.knowledge(), saved.expiresAt, locale);
  return { type: ActivityTypes.Message, text: content.message('restored_answers', locale, { date }) };
}

export function forgottenEvent(): Partial<Activity> {
  return { type: ActivityTypes.Event, name: FORGOTTEN_EVENT };
}

function keptEvent(until: number): Partial<Activity> {
  return { type: ActivityTypes.Event, name: KEPT_EVENT, value: { until: new Date(until).toISOString() } };
}

function day(pack: KnowledgePack | undefined, ms: number, locale: string): string {
  const tag = pack ? formatTag(pack, locale) : locale;
  return new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(ms));
}
