/**
 * What Guichet keeps about a conversation, in one place: typed accessors over botbuilder's
 * conversation state. Everything here survives JSON.stringify (docs/style.md, principle 6).
 */
import type { ConversationState, StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { AnswerValue } from './eligibility/index.js';

export const DIALOG_STATE_PROPERTY = 'dialogState';
export const CONVERSATION_DATA_PROPERTY = 'conversationData';

export interface ConversationData {
  /** How many messages the citizen has sent in this conversation. */
  messages: number;
  /** "Tell us once": every answer given in this conversation, reused by every screening. */
  answers: Record<string, AnswerValue>;
  /** Questions the citizen chose not to answer ("I don't know"): never asked again. */
  skipped: string[];
  /** Messages in a row the bot did not understand (to offer a person after a few). */
  notUnderstood: number;
  /** The citizen's choice about keeping their answers after this conversation, once asked. */
  keep?: 'yes' | 'no';
  /** Until when kept answers are kept (ms since 1970), when `keep` is yes. */
  keptUntil?: number;
  /** Answers kept from an earlier visit have been looked for (once per conversation). */
  restoreChecked?: boolean;
}

export function emptyConversationData(): ConversationData {
  return { messages: 0, answers: {}, skipped: [], notUnderstood: 0 };
}

export interface StateAccessors {
  dialogState: StatePropertyAccessor<DialogState>;
  conversationData: StatePropertyAccessor<ConversationData>;
}

export function stateAccessors(conversationState: ConversationState): StateAccessors {
  return {
    dialogState: conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY),
    conversationData: conversationState.createProperty<ConversationData>(CONVERSATION_DATA_PROPERTY),
  };
}
