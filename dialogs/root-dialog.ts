/**
 * The first dialog of every conversation, and the one under every screening. It answers the
 * conversation's own intents (hello, help, start over, a person, forget me, what do you know
 * about me), starts the screening or service check a message is about, asks "Is your question
 * about …?" or "Do you mean A or B?" when unsure, and says honestly when a question is not one
 * it can help with. Every sentence comes from the pack.
 */
import { ActionTypes, ActivityTypes, EventFactory, type Activity, type CardAction } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { BotContent } from '../bot/content.js';
import type { KnowledgePack } from '../bot/knowledge/index.js';
import { recogniseYesNo } from '../bot/language/index.js';
import type { Understood } from '../bot/understanding.js';
import { localise } from './answers.js';
import {
  forgottenEvent,
  keepAnswers,
  keepOffer,
  shouldOfferToKeep,
  updateKeptAnswers,
} from './kept-answers.js';
import { factLine, fold } from './render/text.js';
import { conversationData, localeOf, type DialogRuntime } from './runtime.js';
import { SCREENING_DIALOG, type ScreeningOptions } from './screening-dialog.js';

export const ROOT_DIALOG = 'root';

type Pending =
  | { kind: 'confirm'; intent: string; text: string }
  | { kind: 'choose'; intents: string[]; text: string }
  | { kind: 'forget' }
  | { kind: 'keep' };

interface RootState {
  pending?: Pending;
}

/** Conversation intents answered with one message of their own. */
const ONE_MESSAGE_INTENTS: Readonly<Record<string, string>> = {
  greeting: 'welcome',
  help: 'help',
  thanks: 'thanks',
  goodbye: 'goodbye',
  cancel: 'cancelled',
  human: 'human',
};

export class RootDialog extends Dialog {
  constructor(private readonly runtime: DialogRuntime) {
    super(ROOT_DIALOG);
  }

  override getVersion(): string {
    return this.runtime.content.current().version;
  }

  override beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = {} satisfies RootState;
    return this.onMessage(dc);
  }

  override continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return this.onMessage(dc);
  }

  /**
   * A screening has finished (its results are shown): offer to keep the answers the first time,
   * keep the new ones when the citizen already said yes, then wait for what comes next.
   */
  override async resumeDialog(
    dc: DialogContext,
    _reason?: unknown,
    result?: unknown,
  ): Promise<DialogTurnResult> {
    if (!result) return Dialog.EndOfTurn;
    const pack = this.runtime.knowledge();
    const data = await conversationData(this.runtime, dc.context);
    if (pack && this.runtime.canKeepAnswers !== false && shouldOfferToKeep(pack, data)) {
      const locale = localeOf(this.runtime, dc.context);
      const content = this.runtime.content.current();
      (dc.activeDialog!.state as RootState).pending = { kind: 'keep' };
      return this.say(dc, keepOffer(pack, locale, content), [
        content.message('yes', locale),
        content.message('no', locale),
      ]);
    }
    await updateKeptAnswers(this.runtime, dc.context);
    return Dialog.EndOfTurn;
  }

  private async onMessage(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as RootState;
    const text = (dc.context.activity.text ?? '').trim();
    const locale = localeOf(this.runtime, dc.context);
    const content = this.runtime.content.current();
    const pending = state.pending;
    state.pending = undefined;
    if (pending) {
      const settled = await this.settle(dc, pending, text, locale, content);
      if (settled) return settled;
    }
    const titled = this.topicByTitle(text, locale);
    if (titled) return this.handle(dc, state, titled, text, locale, content);
    const understood = this.runtime.understanding().understand(text, locale);
    return this.route(dc, state, understood, text, locale, content);
  }

  private async route(
    dc: DialogContext,
    state: RootState,
    understood: Understood,
    text: string,
    locale: string,
    content: BotContent,
  ): Promise<DialogTurnResult> {
    const data = await conversationData(this.runtime, dc.context);
    const pack = this.runtime.knowledge();
    if (understood.band === 'accept' && understood.intent !== 'none') {
      data.notUnderstood = 0;
      return this.handle(dc, state, understood.intent, text, locale, content);
    }
    if (understood.band === 'confirm' && pack) {
      data.notUnderstood = 0;
      const [first, second] = understood.alternatives ?? [];
      if (first && second && this.topicTitle(pack, first, locale) && this.topicTitle(pack, second, locale)) {
        state.pending = { kind: 'choose', intents: [first, second], text };
        const a = this.topicTitle(pack, first, locale)!;
        const b = this.topicTitle(pack, second, locale)!;
        return this.say(dc, content.message('did_you_mean', locale, { a, b }), [a, b]);
      }
      const title = this.topicTitle(pack, understood.intent, locale);
      if (title) {
        state.pending = { kind: 'confirm', intent: understood.intent, text };
        return this.say(dc, content.message('confirm_topic', locale, { topic: title }), [
          content.message('yes', locale),
          content.message('no', locale),
        ]);
      }
      return this.handle(dc, state, understood.intent, text, locale, content);
    }
    if (understood.source === 'none') {
      data.notUnderstood = 0;
      return this.say(dc, content.message('out_of_scope', locale));
    }
    // Not understood: ask to rephrase, then again with an example, then offer a person. When
    // the message may be out of scope or may be a question put oddly (the gate), the first
    // reply says both: say it another way, or look elsewhere.
    data.notUnderstood += 1;
    const first = understood.source === 'gate' ? 'unsure' : 'fallback';
    const key = data.notUnderstood === 1 ? first : data.notUnderstood === 2 ? 'retry' : 'retry_last';
    return this.say(dc, content.message(pack ? key : 'not_yet', locale));
  }

  private async handle(
    dc: DialogContext,
    state: RootState,
    intent: string,
    text: string,
    locale: string,
    content: BotContent,
  ): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge();
    const target = pack ? this.topicTarget(pack, intent, locale) : undefined;
    if (target)
      return dc.beginDialog(SCREENING_DIALOG, { target, text, topic: intent } satisfies ScreeningOptions);
    const data = await conversationData(this.runtime, dc.context);
    switch (intent) {
      case 'start_over':
        data.answers = {};
        data.skipped = [];
        return this.say(dc, content.message('start_over', locale));
      case 'forget_me':
        state.pending = { kind: 'forget' };
        return this.say(dc, content.message('forget_me_confirm', locale), [
          content.message('yes', locale),
          content.message('no', locale),
        ]);
      case 'my_data': {
        const lines = pack
          ? Object.entries(data.answers).map(
              ([id, value]) => `- ${factLine(pack, id, value, locale, content)}`,
            )
          : [];
        return this.say(
          dc,
          lines.length > 0
            ? content.message('my_data', locale, { data: `\n${lines.join('\n')}` })
            : content.message('my_data_none', locale),
        );
      }
    }
    const key = ONE_MESSAGE_INTENTS[intent];
    const said = await this.say(dc, content.message(key ?? (pack ? 'out_of_scope' : 'not_yet'), locale));
    if (intent === 'human') {
      // The Bot Framework's handoff event: a channel or agent hub (Omnichannel, LivePerson, a
      // council's own desk) takes the conversation from here; the bot itself stays polite.
      await dc.context.sendActivity(
        EventFactory.createHandoffInitiation(dc.context, { reason: 'the citizen asked for a person' }),
      );
    }
    return said;
  }

  /** The answer to "Is it about …?", "A or B?" or "Delete everything?"; undefined if it is not one. */
  private async settle(
    dc: DialogContext,
    pending: Pending,
    text: string,
    locale: string,
    content: BotContent,
  ): Promise<DialogTurnResult | undefined> {
    const state = dc.activeDialog!.state as RootState;
    if (pending.kind === 'choose') {
      const pack = this.runtime.knowledge();
      const typed = fold(text);
      const index = pending.intents.findIndex(
        (intent, i) =>
          typed === String(i + 1) || (pack && fold(this.topicTitle(pack, intent, locale) ?? '') === typed),
      );
      const chosen = pending.intents[index];
      return chosen ? this.handle(dc, state, chosen, pending.text, locale, content) : undefined;
    }
    const yes = this.yesNo(text, locale, content);
    if (yes === undefined) return undefined;
    if (pending.kind === 'forget') {
      if (!yes) return this.say(dc, content.message('cancelled', locale));
      await this.runtime.state.conversationData.delete(dc.context);
      await this.runtime.saved.forget(dc.context);
      await this.say(dc, content.message('forgotten', locale));
      // The browser forgets who the citizen is, so nothing links it to them any more.
      await dc.context.sendActivity(forgottenEvent());
      return Dialog.EndOfTurn;
    }
    if (pending.kind === 'keep') {
      if (yes) {
        await keepAnswers(this.runtime, dc.context, locale, content);
        return Dialog.EndOfTurn;
      }
      (await conversationData(this.runtime, dc.context)).keep = 'no';
      return this.say(dc, content.message('not_kept_answers', locale));
    }
    return yes
      ? this.handle(dc, state, pending.intent, pending.text, locale, content)
      : this.say(dc, content.message('fallback', locale));
  }

  private yesNo(text: string, locale: string, content: BotContent): boolean | undefined {
    const typed = fold(text);
    if (typed === fold(content.message('yes', locale))) return true;
    if (typed === fold(content.message('no', locale))) return false;
    return recogniseYesNo(text, locale)?.value;
  }

  /** A button's label (the title of what a topic starts) names its topic exactly. */
  private topicByTitle(text: string, locale: string): string | undefined {
    const pack = this.runtime.knowledge();
    const typed = fold(text);
    if (!pack || !typed) return undefined;
    const topics = pack.topics[locale] ?? pack.topics.en;
    return topics?.topics.find((t) => fold(this.topicTitle(pack, t.id, locale) ?? '') === typed)?.id;
  }

  private topicStart(pack: KnowledgePack, intent: string, locale: string) {
    const topics = pack.topics[locale] ?? pack.topics.en;
    return (
      topics?.topics.find((t) => t.id === intent) ?? pack.topics.en?.topics.find((t) => t.id === intent)
    )?.starts;
  }

  private topicTarget(pack: KnowledgePack, intent: string, locale: string): string | undefined {
    const start = this.topicStart(pack, intent, locale);
    if (!start) return undefined;
    return 'screening' in start ? start.screening : start.service;
  }

  private topicTitle(pack: KnowledgePack, intent: string, locale: string): string | undefined {
    const target = this.topicTarget(pack, intent, locale);
    if (!target) return undefined;
    const titled = pack.screenings[target] ?? pack.services[target];
    return titled ? localise(titled.title, locale) : undefined;
  }

  private async say(dc: DialogContext, text: string, buttons: string[] = []): Promise<DialogTurnResult> {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text };
    if (buttons.length > 0) {
      const actions: CardAction[] = buttons.map((label) => ({
        type: ActionTypes.ImBack,
        title: label,
        value: label,
      }));
      activity.suggestedActions = { actions, to: [] };
    }
    await dc.context.sendActivity(activity);
    return Dialog.EndOfTurn;
  }
}
