/**
 * Builds the bot once, the same way for every channel (web, /api/messages, the terminal):
 * state over the given storage, the root dialog, and the one turn-error handler.
 */
import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { ContentSource } from '../bot/content.js';
import { GuichetBot } from '../bot/guichet-bot.js';
import type { Logger } from '../bot/logger.js';
import { turnErrorHandler } from '../bot/turn-errors.js';
import type { Understanding } from '../bot/understanding.js';
import { RootDialog } from '../dialogs/root-dialog.js';

export interface BotDeps {
  storage: Storage;
  content: ContentSource;
  understanding: () => Understanding;
  logger: Logger;
}

export interface BuiltBot {
  bot: GuichetBot;
  run(context: TurnContext): Promise<void>;
  onTurnError(context: TurnContext, error: Error): Promise<void>;
}

export function createBot({ storage, content, understanding, logger }: BotDeps): BuiltBot {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const rootDialog = new RootDialog(content, understanding);
  const bot = new GuichetBot(conversationState, userState, rootDialog, content, logger);
  return {
    bot,
    run: (context) => bot.run(context),
    onTurnError: turnErrorHandler(conversationState, content, logger),
  };
}
