/**
 * Builds the bot once, the same way for every channel (web, /api/messages, the terminal):
 * state over the given storage, the dialogs, and the one turn-error handler.
 */
import { ConversationState, UserState, type Storage, type TurnContext } from 'botbuilder';
import type { ContentSource } from '../bot/content.js';
import { GuichetBot } from '../bot/guichet-bot.js';
import type { KnowledgePack } from '../bot/knowledge/index.js';
import type { Logger } from '../bot/logger.js';
import { SavedAnswersStore } from '../bot/saved-answers.js';
import { stateAccessors } from '../bot/state.js';
import { turnErrorHandler } from '../bot/turn-errors.js';
import type { Understanding } from '../bot/understanding.js';
import { RootDialog } from '../dialogs/root-dialog.js';
import { restoreKeptAnswers } from '../dialogs/kept-answers.js';
import { localeOf, type DialogRuntime } from '../dialogs/runtime.js';
import { ScreeningDialog } from '../dialogs/screening-dialog.js';

export interface BotDeps {
  storage: Storage;
  content: ContentSource;
  understanding: () => Understanding;
  /** The live knowledge pack; protocol tests run without one. */
  knowledge?: () => KnowledgePack | undefined;
  /** Today's date for eligibility "as of"; tests fix it. */
  today?: () => Date;
  /**
   * Whether the channel can bring the same person back to kept answers (default true). The
   * terminal chat cannot: the bot does not offer to keep answers there.
   */
  canKeepAnswers?: boolean;
  logger: Logger;
}

export interface BuiltBot {
  bot: GuichetBot;
  run(context: TurnContext): Promise<void>;
  onTurnError(context: TurnContext, error: Error): Promise<void>;
}

export function createBot(deps: BotDeps): BuiltBot {
  const conversationState = new ConversationState(deps.storage);
  const userState = new UserState(deps.storage);
  const state = stateAccessors(conversationState);
  const runtime: DialogRuntime = {
    content: deps.content,
    knowledge: deps.knowledge ?? (() => undefined),
    understanding: deps.understanding,
    today: deps.today ?? (() => new Date()),
    state,
    saved: new SavedAnswersStore(deps.storage, () => (deps.today ?? (() => new Date()))().getTime()),
    canKeepAnswers: deps.canKeepAnswers ?? true,
  };
  const bot = new GuichetBot(
    [conversationState, userState],
    state,
    new RootDialog(runtime),
    [new ScreeningDialog(runtime)],
    deps.content,
    deps.logger,
    (context) => restoreKeptAnswers(runtime, context, localeOf(runtime, context)),
  );
  return {
    bot,
    run: (context) => bot.run(context),
    onTurnError: turnErrorHandler(conversationState, deps.content, deps.logger),
  };
}
