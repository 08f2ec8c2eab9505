/**
 * Connects Direct Line conversations to the bot: stores what the citizen sent (the echo that
 * Web Chat waits for), then runs the bot's turn through the in-process adapter, one turn at a
 * time per conversation.
 */
import { ActivityTypes, type Activity, type ChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from '../../bot/logger.js';
import type { TurnQueue } from '../turn-queue.js';
import type { ConversationHistory } from './history.js';
import { DIRECT_LINE_CHANNEL, type InProcessAdapter } from './in-process-adapter.js';

export type TurnLogic = (context: TurnContext) => Promise<void>;

export interface BotIdentity {
  id: string;
  name: string;
}

export class DirectLineBot {
  constructor(
    private readonly adapter: InProcessAdapter,
    private readonly history: ConversationHistory,
    private readonly queue: TurnQueue,
    private readonly logic: TurnLogic,
    private readonly identity: BotIdentity,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new conversation: the bot and the user join, so the bot can greet first. */
  conversationStarted(conversationId: string, user: ChannelAccount, locale?: string): void {
    const update: Partial<Activity> = {
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [this.botAccount(), { id: user.id, name: user.name ?? '', role: 'user' }],
      from: { id: user.id, name: user.name ?? '', role: 'user' },
      locale,
    };
    // The greeting arrives through the history like any reply; nobody waits on it here.
    void this.runTurn(conversationId, this.address(conversationId, update, `${conversationId}|start`)).catch(
      (error: unknown) => this.logger.error({ err: error, conversationId }, 'conversation start failed'),
    );
  }

  /**
   * A client's activity: stored in the history, then handed to the bot. Resolves to its id
   * once the bot's turn has finished, so replies are already in the history.
   */
  async receive(conversationId: string, incoming: Partial<Activity>, claimedUser?: string): Promise<string> {
    const from: ChannelAccount = incoming.from ?? { id: '', name: '' };
    const activity = this.address(conversationId, {
      ...incoming,
      // A user id embedded in the token wins: a client may not speak as somebody else.
      from: { ...from, id: claimedUser ?? (from.id || 'anonymous'), role: 'user' },
    });
    const { activity: stored } = await this.history.append(conversationId, activity);
    await this.runTurn(conversationId, stored);
    return stored.id ?? '';
  }

  private runTurn(conversationId: string, activity: Activity): Promise<void> {
    return this.queue.run(conversationId, () => this.adapter.processActivity(activity, this.logic));
  }

  private address(conversationId: string, activity: Partial<Activity>, id?: string): Activity {
    const { id: _ignored, timestamp: _time, channelId: _channel, serviceUrl: _url, ...rest } = activity;
    const addressed: Partial<Activity> = {
      ...rest,
      channelId: DIRECT_LINE_CHANNEL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      recipient: this.botAccount(),
      timestamp: this.now(),
    };
    if (id) addressed.id = id;
    return addressed as Activity;
  }

  private botAccount(): ChannelAccount {
    return { id: this.identity.id, name: this.identity.name, role: 'bot' };
  }
}
