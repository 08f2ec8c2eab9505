/**
 * Answers a citizen asked us to keep after the conversation ends ("tell us once" across visits).
 * Kept only with their consent, for the days the pack's settings allow, under the channel's id
 * for the person (on the web, an id only their browser holds), and deleted on "forget me" or when
 * the time is up. Stored beside the conversation state, with `expiresAt` so the store's sweep
 * removes them on time even if the person never comes back.
 */
import type { Storage, TurnContext } from 'botbuilder';
import type { AnswerValue } from './eligibility/index.js';

export interface SavedAnswers {
  answers: Record<string, AnswerValue>;
  skipped: string[];
  /** When to delete them, in ms since 1970 (the store's sweep honours it). */
  expiresAt: number;
  /** The conversations that hold them too, so that "forget me" deletes them everywhere. */
  conversations: string[];
}

const DAY_MS = 86_400_000;

export class SavedAnswersStore {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whose answers a turn is about: the person who sent it, or who joined (a welcome). */
  static personOf(context: TurnContext): string | undefined {
    const activity = context.activity;
    const joined = (activity.membersAdded ?? []).find((m) => m.id !== activity.recipient?.id);
    return joined?.id ?? activity.from?.id;
  }

  async load(context: TurnContext): Promise<SavedAnswers | undefined> {
    const key = this.key(context);
    if (!key) return undefined;
    const item = (await this.storage.read([key]))[key] as Partial<SavedAnswers> | undefined;
    if (!item || typeof item.expiresAt !== 'number' || typeof item.answers !== 'object') return undefined;
    if (item.expiresAt <= this.now()) {
      await this.storage.delete([key]);
      return undefined;
    }
    return {
      answers: item.answers,
      skipped: item.skipped ?? [],
      expiresAt: item.expiresAt,
      conversations: item.conversations ?? [],
    };
  }

  /** Keeps the answers until `expiresAt`, or for `days` from now when that is not given. */
  async save(
    context: TurnContext,
    answers: Record<string, AnswerValue>,
    skipped: readonly string[],
    keep: { days: number } | { expiresAt: number },
  ): Promise<number | undefined> {
    const key = this.key(context);
    if (!key) return undefined;
    const expiresAt = 'expiresAt' in keep ? keep.expiresAt : this.now() + keep.days * DAY_MS;
    const before = (await this.storage.read([key]))[key] as Partial<SavedAnswers> | undefined;
    const conversations = [...new Set([...(before?.conversations ?? []), context.activity.conversation.id])];
    const item: SavedAnswers & { eTag: string } = {
      answers,
      skipped: [...skipped],
      expiresAt,
      conversations,
      eTag: '*',
    };
    await this.storage.write({ [key]: item });
    return expiresAt;
  }

  /** Deletes the kept answers, and the state of every conversation that holds them. */
  async forget(context: TurnContext): Promise<void> {
    const key = this.key(context);
    if (!key) return;
    const item = (await this.storage.read([key]))[key] as Partial<SavedAnswers> | undefined;
    // botbuilder's ConversationState keys: `${channelId}/conversations/${conversationId}/`.
    const states = (item?.conversations ?? []).map(
      (id) => `${context.activity.channelId}/conversations/${id}/`,
    );
    await this.storage.delete([key, ...states]);
  }

  private key(context: TurnContext): string | undefined {
    const person = SavedAnswersStore.personOf(context);
    const channel = context.activity.channelId;
    return person && channel ? `saved-answers/${channel}/${person}` : undefined;
  }
}
