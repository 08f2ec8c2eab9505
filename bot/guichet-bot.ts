/**
 * GuichetBot: loads state, runs the root dialog, saves state. It greets people who join, and
 * turns away over-long messages politely before any dialog sees them.
 */
import {
  ActivityHandler,
  ActivityTypes,
  type BotState,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { packLocale, type ContentSource } from './content.js';
import type { Logger } from './logger.js';

export const DIALOG_STATE_PROPERTY = 'dialogState';
export const CONVERSATION_DATA_PROPERTY = 'conversationData';

/** Facts about the conversation itself (never what was said): for hand-off rules and analytics. */
export interface ConversationData {
  /** How many messages the citizen has sent in this conversation. */
  messages: number;
}

export class GuichetBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly rootDialog: Dialog,
    private readonly content: ContentSource,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);
    this.dialogs = new DialogSet(this.dialogState).add(rootDialog);
    this.conversationData = conversationState.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY);

    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter(
        (m) => m.id !== context.activity.recipient.id,
      );
      if (newcomers.length > 0) await context.sendActivity(this.say('welcome', context));
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      const data = await this.conversationData.get(context, { messages: 0 });
      data.messages += 1;
      // Length only: what a citizen types never goes to the logs.
      this.logger.debug({ conversationId: context.activity.conversation.id, length: text.length }, 'message');
      if (text.length > this.content.current().maxMessageLength) {
        await context.sendActivity(this.say('too_long', context));
      } else {
        await this.runDialogs(context);
      }
      await next();
    });

    this.onDialog(async (context, next) => {
      await this.saveState(context);
      await next();
    });
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.rootDialog.id);
  }

  private async saveState(context: TurnContext): Promise<void> {
    const states: BotState[] = [this.conversationState, this.userState];
    await Promise.all(states.map((state) => state.saveChanges(context, false)));
  }

  private say(key: string, context: TurnContext): { type: string; text: string } {
    const content = this.content.current();
    return {
      type: ActivityTypes.Message,
      text: content.message(key, packLocale(context.activity.locale, content.locales)),
    };
  }
}
