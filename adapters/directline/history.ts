/**
 * Where Direct Line keeps each conversation's activities and who is listening to them.
 *
 * The interface is what a shared implementation (Redis, for several instances) will provide;
 * the in-memory one below serves a single process. A watermark is the number of activities a
 * client has seen: reading after watermark N returns activities N+1 onwards.
 */
import type { Activity } from 'botbuilder';

export interface ActivityPage {
  activities: Activity[];
  watermark: number;
}

export type HistoryListener = (activity: Activity, watermark: number) => void;

export interface ConversationHistory {
  /** Creates the conversation; false when it already existed. */
  create(conversationId: string): Promise<boolean>;
  exists(conversationId: string): Promise<boolean>;
  /** Appends an activity, giving it its id; resolves to the stored activity and its watermark. */
  append(conversationId: string, activity: Activity): Promise<{ activity: Activity; watermark: number }>;
  /** Activities after `watermark` (all of them when it is 0). */
  read(conversationId: string, watermark: number): Promise<ActivityPage>;
  /** Calls `listener` for each activity appended from now on; returns the way to stop. */
  subscribe(conversationId: string, listener: HistoryListener): () => void;
  /** Forgets conversations idle for longer than the limit; resolves to how many went. */
  expireIdle(): Promise<number>;
  close(): Promise<void>;
}

export class UnknownConversationError extends Error {
  override readonly name = 'UnknownConversationError';
  constructor(readonly conversationId: string) {
    super(`Conversation ${conversationId} does not exist`);
  }
}

interface StoredConversation {
  activities: Activity[];
  listeners: Set<HistoryListener>;
  lastActive: number;
}

export interface MemoryHistoryOptions {
  idleMilliseconds: number;
  now?: () => number;
  /** How often to sweep idle conversations; 0 turns the timer off (tests call expireIdle). */
  sweepMilliseconds?: number;
}

export class MemoryConversationHistory implements ConversationHistory {
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MemoryHistoryOptions) {
    this.now = options.now ?? Date.now;
    const sweep = options.sweepMilliseconds ?? 60_000;
    if (sweep > 0) {
      this.timer = setInterval(() => void this.expireIdle(), sweep);
      // The sweep must never keep the process alive on its own.
      this.timer.unref();
    }
  }

  async create(conversationId: string): Promise<boolean> {
    if (this.conversations.has(conversationId)) return false;
    this.conversations.set(conversationId, { activities: [], listeners: new Set(), lastActive: this.now() });
    return true;
  }

  async exists(conversationId: string): Promise<boolean> {
    return this.conversations.has(conversationId);
  }

  async append(
    conversationId: string,
    activity: Activity,
  ): Promise<{ activity: Activity; watermark: number }> {
    const conversation = this.get(conversationId);
    const watermark = conversation.activities.length + 1;
    const stored: Activity = { ...activity, id: `${conversationId}|${String(watermark).padStart(7, '0')}` };
    conversation.activities.push(stored);
    conversation.lastActive = this.now();
    for (const listener of conversation.listeners) listener(stored, watermark);
    return { activity: stored, watermark };
  }

  async read(conversationId: string, watermark: number): Promise<ActivityPage> {
    const conversation = this.get(conversationId);
    conversation.lastActive = this.now();
    const from = Math.max(0, Math.min(watermark, conversation.activities.length));
    return { activities: conversation.activities.slice(from), watermark: conversation.activities.length };
  }

  subscribe(conversationId: string, listener: HistoryListener): () => void {
    const conversation = this.get(conversationId);
    conversation.listeners.add(listener);
    return () => conversation.listeners.delete(listener);
  }

  async expireIdle(): Promise<number> {
    const cutoff = this.now() - this.options.idleMilliseconds;
    let expired = 0;
    for (const [id, conversation] of this.conversations) {
      if (conversation.lastActive < cutoff && conversation.listeners.size === 0) {
        this.conversations.delete(id);
        expired += 1;
      }
    }
    return expired;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  private get(conversationId: string): StoredConversation {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) throw new UnknownConversationError(conversationId);
    return conversation;
  }
}
