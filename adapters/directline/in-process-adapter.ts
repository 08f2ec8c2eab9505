/**
 * The bot's side of our local Direct Line: a BotAdapter that runs turns in this process and
 * appends the bot's replies to the conversation's history, in the order the bot sends them.
 * No Azure hop, no HTTP between the channel and the bot.
 */
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { ConversationHistory } from './history.js';

export const DIRECT_LINE_CHANNEL = 'directline';

export class InProcessAdapter extends BotAdapter {
  constructor(
    private readonly history: ConversationHistory,
    private readonly serviceUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** Runs one turn for an activity that came in from a client. */
  async processActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, { ...activity, serviceUrl: this.serviceUrl });
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const outgoing of activities) {
      if (outgoing.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, Number(outgoing.value) || 0));
        responses.push({ id: '' });
        continue;
      }
      const conversationId = outgoing.conversation?.id ?? context.activity.conversation.id;
      const { activity } = await this.history.append(conversationId, {
        ...outgoing,
        channelId: DIRECT_LINE_CHANNEL,
        serviceUrl: this.serviceUrl,
        timestamp: this.now(),
      } as Activity);
      responses.push({ id: activity.id ?? '' });
    }
    return responses;
  }

  async updateActivity(_context: TurnContext, _activity: Partial<Activity>): Promise<void> {
    throw new Error('This Direct Line does not let the bot edit activities already sent.');
  }

  async deleteActivity(_context: TurnContext, _reference: Partial<ConversationReference>): Promise<void> {
    throw new Error('This Direct Line does not let the bot delete activities already sent.');
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    ) as Activity;
    await this.processActivity(activity, logic);
  }
}
