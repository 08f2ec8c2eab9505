/**
 * GuichetBot: loads state, runs the dialogs, saves state. It greets people who join, and turns
 * away over-long messages politely before any dialog sees them.
 */
import {
  ActionTypes,
  ActivityHandler,
  ActivityTypes,
  type Activity,
  type BotState,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { packLocale, type ContentSource } from './content.js';
import type { Logger } from './logger.js';
import { emptyConversationData, type StateAccessors } from './state.js';

export { CONVERSATION_DATA_PROPERTY, DIALOG_STATE_PROPERTY, type ConversationData } from './state.js';

export class GuichetBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly states: readonly BotState[],
    private readonly accessors: StateAccessors,
    private readonly rootDialog: Dialog,
    otherDialogs: readonly Dialog[],
    private readonly content: ContentSource,
    private readonly logger: Logger,
    /** Answers kept from an earlier visit, reused at the start of a conversation (once). */
    private readonly restore: (context: TurnContext) => Promise<Partial<Activity> | undefined> = async () =>
      undefined,
  ) {
    super();
    this.dialogs = new DialogSet(accessors.dialogState).add(rootDialog);
    for (const dialog of otherDialogs) this.dialogs.add(dialog);

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (m) => m.id !== context.activity.recipient.id,
      );
      if (newcomers.length > 0) {
        await context.sendActivity(this.welcome(context));
        const restored = await this.restore(context);
        if (restored) await context.sendActivity(restored);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      const data = await this.accessors.conversationData.get(context, emptyConversationData());
      data.messages = (data.messages ?? 0) + 1;
      // Length only: what a citizen types never goes to the logs.
      this.logger.debug({ conversationId: context.activity.conversation.id, length: text.length }, 'message');
      if (text.length > this.content.current().maxMessageLength) {
        await context.sendActivity(this.say('too_long', context));
      } else {
        // Channels that do not say who joined start with a message: look for kept answers then.
        const restored = await this.restore(context);
        if (restored) await context.sendActivity(restored);
        await this.runDialogs(context);
      }
      await next();
    });

    this.onDialog(async (context, next) => {
      await Promise.all(this.states.map((state) => state.saveChanges(context, false)));
      await next();
    });
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }

  private welcome(context: TurnContext): Partial<Activity> {
    const actions = (this.content.current().welcomeActions ?? []).map((label) => ({
      type: ActionTypes.ImBack,
      title: label,
      value: label,
    }));
    return actions.length > 0
      ? { ...this.say('welcome', context), suggestedActions: { actions, to: [] } }
      : this.say('welcome', context);
  }

  private say(key: string, context: TurnContext): { type: string; text: string } {
    const content = this.content.current();
    return {
      type: ActivityTypes.Message,
      text: content.message(key, packLocale(context.activity.locale, content.locales)),
    };
  }
}
