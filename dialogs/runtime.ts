/**
 * What every dialog is given through its constructor: the live pack's content and knowledge,
 * language understanding, the clock, and the typed state accessors. Dialogs keep no
 * per-conversation fields of their own.
 */
import type { TurnContext } from 'botbuilder';
import type { ContentSource } from '../bot/content.js';
import type { KnowledgePack } from '../bot/knowledge/index.js';
import type { SavedAnswersStore } from '../bot/saved-answers.js';
import { emptyConversationData, type ConversationData, type StateAccessors } from '../bot/state.js';
import { packLocale } from '../bot/content.js';
import type { Understanding } from '../bot/understanding.js';

export interface DialogRuntime {
  content: ContentSource;
  /** The live knowledge pack; absent when the bot runs without one (protocol tests). */
  knowledge: () => KnowledgePack | undefined;
  understanding: () => Understanding;
  /** Today, for evaluation "as of" now; tests fix it. */
  today: () => Date;
  state: StateAccessors;
  /** Answers kept after a conversation, with the citizen's consent. */
  saved: SavedAnswersStore;
  /** The channel can bring the same person back (false in the terminal: nothing to offer). */
  canKeepAnswers?: boolean;
}

export async function conversationData(
  runtime: DialogRuntime,
  context: TurnContext,
): Promise<ConversationData> {
  const data = await runtime.state.conversationData.get(context, emptyConversationData());
  // Older saved conversations may lack newer fields.
  data.answers ??= {};
  data.skipped ??= [];
  data.notUnderstood ??= 0;
  data.messages ??= 0;
  return data;
}

export function localeOf(runtime: DialogRuntime, context: TurnContext): string {
  return packLocale(context.activity.locale, runtime.content.current().locales);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
