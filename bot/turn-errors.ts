/**
 * The one turn-error handler: apologise in the citizen's language, log what went wrong with the
 * dialog stack (never what the citizen typed), and start the conversation afresh so the same
 * error does not repeat on every message. No stack trace ever reaches the citizen.
 */
import type { ConversationState, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { packLocale, type ContentSource } from './content.js';
import { DIALOG_STATE_PROPERTY } from './state.js';
import type { Logger } from './logger.js';

export function turnErrorHandler(
  conversationState: ConversationState,
  content: ContentSource,
  logger: Logger,
): (context: TurnContext, error: Error) => Promise<void> {
  const dialogState = conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY);
  return async (context, error) => {
    const dialogStack = await dialogState
      .get(context)
      .then((state) => (state?.dialogStack ?? []).map((instance) => instance.id))
      .catch(() => ['(unreadable)']);
    logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        conversationId: context.activity.conversation?.id,
        channelId: context.activity.channelId,
        activityType: context.activity.type,
        dialogStack,
      },
      'turn failed',
    );
    try {
      const live = content.current();
      await context.sendActivity(live.message('error', packLocale(context.activity.locale, live.locales)));
      await conversationState.delete(context);
    } catch (secondary) {
      logger.error({ err: secondary }, 'could not apologise after a failed turn');
    }
  };
}
