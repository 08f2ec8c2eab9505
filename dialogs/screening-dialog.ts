/**
 * One dialog for every screening and every service check, driven by the pack:
 *
 *   evaluate the rules → ask the question that can still change an outcome → read the answer
 *
 * until every outcome is decided, then show the results. Along the way the citizen stays in
 * control: why we ask, I don't know, back, change an answer (by saying it, or from a list),
 * start over, cancel, or an unrelated question (answered, then we carry on where we were).
 * Answers live in conversation state, so a second screening reuses them ("tell us once").
 */
import { ActionTypes, ActivityTypes, type Activity, type CardAction, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { BotContent } from '../bot/content.js';
import { assess, relevantQuestions, type Assessment, type Answers } from '../bot/eligibility/index.js';
import type { KnowledgePack, Question } from '../bot/knowledge/index.js';
import type { ConversationData } from '../bot/state.js';
import {
  choicesOf,
  isBareYesNo,
  isSentence,
  localise,
  readAnswer,
  readFacts,
  topicNames,
  withoutNames,
  type Fact,
} from './answers.js';
import { CONTROL_KEYS, questionActivity, type Control } from './render/question.js';
import { resultsActivity } from './render/results.js';
import { factLine, fold } from './render/text.js';
import { conversationData, isoDate, localeOf, type DialogRuntime } from './runtime.js';

export const SCREENING_DIALOG = 'screening';

export interface ScreeningOptions {
  /** A screening id or a service id. */
  target: string;
  /** The message that started it: facts in it are taken as answers. */
  text?: string;
  /** The topic that message was about: its names are what the citizen asks about, not answers. */
  topic?: string;
}

interface ScreeningState {
  target: string;
  /** The question waiting for an answer. */
  asking?: string;
  retries: number;
  /** Questions answered in this screening, latest last (for "back"). */
  answered: string[];
  /** The pack version the screening last ran against (to notice a reload). */
  version: string;
  /** The answers just offered to change, in the order shown (a typed "2" picks the second). */
  changing?: string[];
}

/** Conversation intents a screening answers itself before carrying on. */
const CONTROL_INTENTS: Readonly<Record<string, Control>> = {
  why: 'why',
  skip: 'skip',
  back: 'back',
  change_answer: 'change',
};

const INVALID_MESSAGE: Readonly<Record<string, string>> = {
  number: 'invalid_number',
  age: 'invalid_number',
  money: 'invalid_money',
  date: 'invalid_date',
};

export class ScreeningDialog extends Dialog<ScreeningOptions> {
  constructor(private readonly runtime: DialogRuntime) {
    super(SCREENING_DIALOG);
  }

  override getVersion(): string {
    return this.runtime.knowledge()?.hash ?? '';
  }

  override async beginDialog(dc: DialogContext, options?: ScreeningOptions): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge();
    if (!pack || !options || !(options.target in pack.screenings || options.target in pack.services)) {
      return dc.endDialog();
    }
    const state: ScreeningState = { target: options.target, retries: 0, answered: [], version: pack.hash };
    dc.activeDialog!.state = state;
    const { locale, content, data } = await this.turn(dc.context);
    const lead: string[] = [];
    const screening = pack.screenings[options.target];
    if (screening) lead.push(localise(screening.intro, locale));

    const questions = this.questionsOf(pack, state.target);
    const reused = Object.entries(data.answers).filter(([id]) => questions.includes(id));
    if (reused.length > 0) {
      lead.push(this.factList('reused_answers', reused, pack, locale, content));
    }
    if (options.text) {
      // "Can I get Pension Credit?" asks about Pension Credit; it does not say they get it.
      const said = withoutNames(options.text, options.topic ? topicNames(pack, options.topic) : []);
      const facts = readFacts(pack, questions, said, locale, this.asOf());
      const fresh = this.record(data, state, facts);
      if (fresh.length > 0)
        lead.push(
          this.factList(
            'understood',
            fresh.map((f) => [f.questionId, f.value]),
            pack,
            locale,
            content,
          ),
        );
    }
    return this.step(dc, state, lead);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge();
    const state = dc.activeDialog!.state as ScreeningState;
    if (!pack || !(state.target in pack.screenings || state.target in pack.services)) return dc.endDialog();
    const { locale, content, data } = await this.turn(dc.context);
    const lead: string[] = [];
    if (state.version !== pack.hash) {
      // The pack was edited mid-conversation: keep the answers, evaluate again with the new rules.
      state.version = pack.hash;
      lead.push(content.message('knowledge_changed', locale));
      if (state.asking && !pack.questions[state.asking]) state.asking = undefined;
    }
    const activity = dc.context.activity;
    const text = (activity.text ?? '').trim();
    const asking = state.asking ? pack.questions[state.asking] : undefined;

    // A button from the "change my answers" list names the question to ask again.
    const change = (activity.value as { change?: unknown } | undefined)?.change;
    if (typeof change === 'string' && pack.questions[change]) return this.ask(dc, state, change, lead);
    // After "change my answers", a number or the words of one of the lines picks that answer.
    const offered = state.changing;
    state.changing = undefined;
    const picked = offered ? this.pickChange(pack, data, offered, text, locale, content) : undefined;
    if (picked) return this.ask(dc, state, picked, lead);

    const control = this.controlOf(text, locale, content);
    if (control) return this.control(dc, state, control, asking, lead);

    if (asking) {
      const reading = readAnswer(
        pack,
        asking,
        pack.model.questions.get(asking.id),
        text,
        locale,
        this.asOf(),
        data.answers,
      );
      if (reading.kind === 'answer') {
        // A sentence may answer more than the question asked ("No, I live alone in Wales"); a
        // short reply ("Yes", "2", "£200") answers only the question asked.
        const others = isSentence(text)
          ? readFacts(
              pack,
              this.questionsOf(pack, state.target).filter((id) => id !== asking.id),
              text,
              locale,
              this.asOf(),
            ).filter((fact) => !isBareYesNo(pack, fact))
          : [];
        this.record(data, state, [{ questionId: asking.id, value: reading.value }]);
        const changed = this.record(data, state, others);
        if (changed.length > 0)
          lead.push(
            this.factList(
              'understood',
              changed.map((f) => [f.questionId, f.value]),
              pack,
              locale,
              content,
            ),
          );
        return this.step(dc, state, lead);
      }
      if (reading.kind === 'invalid') return this.retry(dc, state, asking, lead);
    }

    // "Actually I live in Scotland": a new answer to a question already asked.
    const facts = readFacts(pack, this.questionsOf(pack, state.target), text, locale, this.asOf());
    const before = new Set(Object.keys(data.answers));
    const changed = this.record(data, state, facts);
    if (changed.length > 0) {
      // "I have changed your answer" only when there was one; a first answer is "I understood".
      const replaced = changed.some((f) => before.has(f.questionId));
      lead.push(
        this.factList(
          replaced ? 'changed_answers' : 'understood',
          changed.map((f) => [f.questionId, f.value]),
          pack,
          locale,
          content,
        ),
      );
      return this.step(dc, state, lead);
    }

    const understood = this.runtime.understanding().understand(text, locale);
    // Moves within the screening are cheap to get wrong (we ask again), so "probably" will do.
    const safeMove = understood.intent in CONTROL_INTENTS || understood.intent === 'help';
    if (understood.band === 'accept' || (understood.band === 'confirm' && safeMove)) {
      const handled = await this.intent(dc, state, understood.intent, data, lead);
      if (handled) return handled;
    }
    return asking ? this.retry(dc, state, asking, lead) : this.step(dc, state, lead);
  }

  // ---- The loop ------------------------------------------------------------------------------

  private async step(dc: DialogContext, state: ScreeningState, lead: string[]): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge()!;
    const { locale, content, data } = await this.turn(dc.context);
    const assessment = this.assess(pack, state.target, data);
    const next = nextAskable(assessment, this.questionsOf(pack, state.target), new Set(data.skipped));
    if (next) return this.ask(dc, state, next, lead);
    if (lead.length > 0) await dc.context.sendActivity(lead.join('\n\n'));
    await dc.context.sendActivity(
      resultsActivity(pack, assessment, answersFor(pack, state.target, data), locale, content),
    );
    return dc.endDialog({ target: state.target, eligible: assessment.eligible, unknown: assessment.unknown });
  }

  private async ask(
    dc: DialogContext,
    state: ScreeningState,
    questionId: string,
    lead: string[],
  ): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge()!;
    const question = pack.questions[questionId];
    if (!question) return this.step(dc, state, lead);
    const { locale, content } = await this.turn(dc.context);
    if (state.asking !== questionId) state.retries = 0;
    state.asking = questionId;
    await dc.context.sendActivity(questionActivity(pack, question, locale, content, lead));
    return Dialog.EndOfTurn;
  }

  private async retry(
    dc: DialogContext,
    state: ScreeningState,
    question: Question,
    lead: string[],
  ): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge()!;
    const { locale, content } = await this.turn(dc.context);
    state.retries += 1;
    const maxRetries = pack.settings.conversation?.maxRetries ?? 2;
    if (state.retries > maxRetries) {
      lead.push(content.message('answer_trouble', locale));
    } else {
      const labels =
        question.type === 'yes-no'
          ? [content.message('yes', locale), content.message('no', locale)]
          : choicesOf(pack, question).map((c) => localise(c.label, locale));
      const choices = labels.map((label, i) => `${i + 1}. ${label}`).join(', ');
      lead.push(content.message(INVALID_MESSAGE[question.type] ?? 'invalid_choice', locale, { choices }));
    }
    await dc.context.sendActivity(questionActivity(pack, question, locale, content, lead));
    return Dialog.EndOfTurn;
  }

  // ---- Controls and side questions ---------------------------------------------------------

  private async control(
    dc: DialogContext,
    state: ScreeningState,
    control: Control,
    asking: Question | undefined,
    lead: string[],
  ): Promise<DialogTurnResult> {
    const pack = this.runtime.knowledge()!;
    const { locale, content, data } = await this.turn(dc.context);
    switch (control) {
      case 'why':
        lead.push(
          asking?.why
            ? content.message('why_we_ask', locale, { why: localise(asking.why, locale) })
            : content.message('why_none', locale),
        );
        return asking ? this.ask(dc, state, asking.id, lead) : this.step(dc, state, lead);
      case 'skip':
        if (asking && !data.skipped.includes(asking.id)) data.skipped.push(asking.id);
        lead.push(content.message('skipped', locale));
        state.asking = undefined;
        return this.step(dc, state, lead);
      case 'back': {
        const previous = state.answered.pop();
        if (!previous) {
          lead.push(content.message('back_none', locale));
          return asking ? this.ask(dc, state, asking.id, lead) : this.step(dc, state, lead);
        }
        delete data.answers[previous];
        return this.ask(dc, state, previous, lead);
      }
      case 'change':
        return this.offerChanges(dc, state, pack, data, locale, content, lead);
    }
  }

  private async offerChanges(
    dc: DialogContext,
    state: ScreeningState,
    pack: KnowledgePack,
    data: ConversationData,
    locale: string,
    content: BotContent,
    lead: string[],
  ): Promise<DialogTurnResult> {
    const answers = Object.entries(answersFor(pack, state.target, data));
    if (answers.length === 0) {
      lead.push(content.message('my_data_none', locale));
      return state.asking ? this.ask(dc, state, state.asking, lead) : this.step(dc, state, lead);
    }
    const buttons: CardAction[] = answers.map(([id, value]) => ({
      // messageBack: the question id travels in `value`, the citizen sees the answer line.
      type: ActionTypes.MessageBack,
      title: factLine(pack, id, value, locale, content),
      value: { change: id },
      displayText: factLine(pack, id, value, locale, content),
      text: '',
    }));
    state.changing = answers.map(([id]) => id);
    const message: Partial<Activity> = {
      type: ActivityTypes.Message,
      text: [...lead, content.message('change_which', locale)].join('\n\n'),
      suggestedActions: { actions: buttons, to: [] },
    };
    await dc.context.sendActivity(message);
    return Dialog.EndOfTurn;
  }

  /** Which offered answer a typed reply picks: its number in the list, or its line's words. */
  private pickChange(
    pack: KnowledgePack,
    data: ConversationData,
    offered: readonly string[],
    text: string,
    locale: string,
    content: BotContent,
  ): string | undefined {
    const typed = fold(text);
    const position = /^\d+$/.test(typed) ? Number(typed) : 0;
    if (position >= 1 && position <= offered.length) return offered[position - 1];
    return offered.find((id) => {
      const value = data.answers[id];
      return value !== undefined && fold(factLine(pack, id, value, locale, content)) === typed;
    });
  }

  /** An intent mid-screening; undefined when the screening has nothing to do with it. */
  private async intent(
    dc: DialogContext,
    state: ScreeningState,
    intent: string,
    data: ConversationData,
    lead: string[],
  ): Promise<DialogTurnResult | undefined> {
    const pack = this.runtime.knowledge()!;
    const { locale, content } = await this.turn(dc.context);
    const control = CONTROL_INTENTS[intent];
    const asking = state.asking ? pack.questions[state.asking] : undefined;
    if (control) return this.control(dc, state, control, asking, lead);
    switch (intent) {
      case 'cancel':
        await dc.context.sendActivity(content.message('cancelled', locale));
        return dc.endDialog();
      case 'start_over':
        data.answers = {};
        data.skipped = [];
        lead.push(content.message('start_over', locale));
        return this.beginAgain(dc, state, lead);
      case 'forget_me':
        data.answers = {};
        data.skipped = [];
        await dc.context.sendActivity(content.message('forgotten', locale));
        return dc.endDialog();
      case 'human':
        await dc.context.sendActivity(content.message('human', locale));
        return dc.endDialog();
      case 'help':
        lead.push(asking?.help ? localise(asking.help, locale) : content.message('help_screening', locale));
        return this.carryOn(dc, state, lead);
      case 'none':
        return undefined;
    }
    // Another topic: answer it briefly, then carry on where we were.
    const summary = this.topicSummary(pack, intent, locale);
    const fromIntent =
      summary ??
      (intent in { greeting: 1, thanks: 1, goodbye: 1, my_data: 1 }
        ? this.intentMessage(intent, data, pack, locale, content)
        : undefined);
    if (!fromIntent) return undefined;
    lead.push(fromIntent, content.message('carry_on', locale));
    return this.carryOn(dc, state, lead);
  }

  private carryOn(dc: DialogContext, state: ScreeningState, lead: string[]): Promise<DialogTurnResult> {
    return state.asking ? this.ask(dc, state, state.asking, lead) : this.step(dc, state, lead);
  }

  private beginAgain(dc: DialogContext, state: ScreeningState, lead: string[]): Promise<DialogTurnResult> {
    state.answered = [];
    state.asking = undefined;
    return this.step(dc, state, lead);
  }

  private topicSummary(pack: KnowledgePack, topicId: string, locale: string): string | undefined {
    const topics = pack.topics[locale] ?? pack.topics.en;
    const start = topics?.topics.find((t) => t.id === topicId)?.starts;
    if (!start) return undefined;
    if ('service' in start) {
      const service = pack.services[start.service];
      return service
        ? `**${localise(service.title, locale)}**: ${localise(service.summary, locale)} ${service.howToApply.url}`
        : undefined;
    }
    const screening = pack.screenings[start.screening];
    return screening ? localise(screening.intro, locale) : undefined;
  }

  private intentMessage(
    intent: string,
    data: ConversationData,
    pack: KnowledgePack,
    locale: string,
    content: BotContent,
  ): string {
    if (intent === 'my_data') {
      const lines = Object.entries(data.answers).map(
        ([id, value]) => `- ${factLine(pack, id, value, locale, content)}`,
      );
      return lines.length > 0
        ? content.message('my_data', locale, { data: `\n${lines.join('\n')}` })
        : content.message('my_data_none', locale);
    }
    return content.message(intent === 'greeting' ? 'welcome' : intent, locale);
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private async turn(
    context: TurnContext,
  ): Promise<{ locale: string; content: BotContent; data: ConversationData }> {
    return {
      locale: localeOf(this.runtime, context),
      content: this.runtime.content.current(),
      data: await conversationData(this.runtime, context),
    };
  }

  private asOf(): string {
    return isoDate(this.runtime.today());
  }

  private assess(pack: KnowledgePack, target: string, data: ConversationData): Assessment {
    return assess(pack.model, target, data.answers, this.asOf())!;
  }

  /** The questions of a screening, or for a service, every question its screening asks. */
  private questionsOf(pack: KnowledgePack, target: string): string[] {
    const screening =
      pack.screenings[target] ?? Object.values(pack.screenings).find((s) => s.services.includes(target));
    return screening ? [...screening.questions] : Object.keys(pack.questions);
  }

  /** Stores facts; returns those that were new or different. */
  private record(data: ConversationData, state: ScreeningState, facts: readonly Fact[]): Fact[] {
    const fresh: Fact[] = [];
    for (const fact of facts) {
      const before = data.answers[fact.questionId];
      if (before !== undefined && JSON.stringify(before) === JSON.stringify(fact.value)) continue;
      data.answers[fact.questionId] = fact.value as ConversationData['answers'][string];
      data.skipped = data.skipped.filter((id) => id !== fact.questionId);
      state.answered = [...state.answered.filter((id) => id !== fact.questionId), fact.questionId];
      fresh.push(fact);
    }
    return fresh;
  }

  private factList(
    key: string,
    facts: Array<[string, unknown]>,
    pack: KnowledgePack,
    locale: string,
    content: BotContent,
  ): string {
    const lines = facts.map(([id, value]) => `- ${factLine(pack, id, value as never, locale, content)}`);
    return `${content.message(key, locale)}\n${lines.join('\n')}`;
  }

  private controlOf(text: string, locale: string, content: BotContent): Control | undefined {
    const typed = fold(text);
    if (!typed) return undefined;
    for (const [control, key] of Object.entries(CONTROL_KEYS) as Array<[Control, string]>) {
      if (fold(content.message(key, locale)) === typed) return control;
    }
    return undefined;
  }
}

/** The answers that matter to this screening or service, for its summary. */
function answersFor(pack: KnowledgePack, target: string, data: ConversationData): Answers {
  const screening =
    pack.screenings[target] ?? Object.values(pack.screenings).find((s) => s.services.includes(target));
  const ids = screening ? screening.questions : Object.keys(data.answers);
  return Object.fromEntries(ids.filter((id) => id in data.answers).map((id) => [id, data.answers[id]!]));
}

/** The engine's next question, passing over those the citizen chose not to answer. */
function nextAskable(
  assessment: Assessment,
  order: readonly string[],
  skipped: ReadonlySet<string>,
): string | null {
  const next = assessment.nextQuestion;
  if (!next || !skipped.has(next)) return next;
  const relevant = relevantQuestions(assessment.context, assessment.services);
  for (const id of [...order, ...assessment.context.model.questions.keys()]) {
    if (!relevant.has(id) || skipped.has(id)) continue;
    const status = assessment.context.questionStatus(id);
    if (status.status === 'open' && status.askable) return id;
  }
  return null;
}
