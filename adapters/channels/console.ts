/**
 * The terminal as a channel (`guichet chat`): the same bot and dialogs as the web, with
 * buttons shown as a numbered list, since a terminal has no buttons.
 */
import { randomUUID } from 'node:crypto';
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type Attachment,
  type CardAction,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';

export const CONSOLE_CHANNEL = 'console';

export class ConsoleAdapter extends BotAdapter {
  private readonly conversationId = `console-${randomUUID()}`;

  constructor(
    private readonly write: (text: string) => void,
    private readonly locale: string,
  ) {
    super();
  }

  /** The citizen "opens" the chat: the bot greets. */
  start(logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.turn(
      { type: ActivityTypes.ConversationUpdate, membersAdded: [this.bot(), this.user()] },
      logic,
    );
  }

  say(text: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.turn({ type: ActivityTypes.Message, text }, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) this.write(render(activity));
    }
    return activities.map(() => ({ id: randomUUID() }));
  }

  async updateActivity(): Promise<void> {}

  async deleteActivity(): Promise<void> {}

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event }, reference, true);
    await this.runMiddleware(new TurnContext(this, activity as Activity), logic);
  }

  private turn(partial: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = {
      ...partial,
      id: randomUUID(),
      channelId: CONSOLE_CHANNEL,
      locale: this.locale,
      timestamp: new Date(),
      from: this.user(),
      recipient: this.bot(),
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      serviceUrl: 'console:',
    } as Activity;
    return this.runMiddleware(new TurnContext(this, activity), logic);
  }

  private user() {
    return { id: 'citizen', name: '', role: 'user' };
  }

  private bot() {
    return { id: 'guichet', name: 'Guichet', role: 'bot' };
  }
}

/** Text, then any buttons (suggested actions or card buttons) as a numbered list. */
export function render(activity: Partial<Activity>): string {
  const lines: string[] = [];
  if (activity.text) lines.push(activity.text);
  for (const attachment of activity.attachments ?? []) lines.push(...cardLines(attachment));
  const actions = [
    ...(activity.suggestedActions?.actions ?? []),
    ...(activity.attachments ?? []).flatMap(
      (a) => (a.content as { buttons?: CardAction[] } | undefined)?.buttons ?? [],
    ),
  ];
  actions.forEach((action, index) => lines.push(`  ${index + 1}. ${action.title ?? String(action.value)}`));
  return lines.join('\n');
}

function cardLines(attachment: Attachment): string[] {
  const card = attachment.content as { title?: string; subtitle?: string; text?: string } | undefined;
  return [card?.title, card?.subtitle, card?.text].filter((line): line is string => Boolean(line));
}
