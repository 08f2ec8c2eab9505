/**
 * A question as the citizen sees it: the prompt (and help), with buttons for the choices and
 * for the controls (why we ask, I don't know). Plain channels show the buttons as a numbered
 * list, and every choice can also be typed, by name or by its number.
 */
import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { BotContent } from '../../bot/content.js';
import type { KnowledgePack, Question } from '../../bot/knowledge/index.js';
import { choicesOf, localise } from '../answers.js';
import { fold } from './text.js';

/** Lists longer than this are typed, not clicked (countries). */
const MAX_BUTTONS = 12;

export const CONTROL_KEYS = {
  why: 'control.why',
  skip: 'control.skip',
  back: 'control.back',
  change: 'control.change',
} as const;
export type Control = keyof typeof CONTROL_KEYS;

export function questionActivity(
  pack: KnowledgePack,
  question: Question,
  locale: string,
  content: BotContent,
  lead: readonly string[] = [],
): Partial<Activity> {
  const text = [...lead, localise(question.prompt, locale), localise(question.help, locale)]
    .filter(Boolean)
    .join('\n\n');
  const buttons: CardAction[] = [];
  const choices =
    question.type === 'yes-no'
      ? yesNo(content, locale)
      : choicesOf(pack, question).map((c) => localise(c.label, locale));
  if (choices.length > 0 && choices.length <= MAX_BUTTONS) {
    for (const label of choices) buttons.push(button(label));
  }
  if (question.why) buttons.push(button(content.message(CONTROL_KEYS.why, locale)));
  // A question with its own "I don't know" option needs no second one.
  const skip = content.message(CONTROL_KEYS.skip, locale);
  if (!choices.some((label) => fold(label) === fold(skip))) buttons.push(button(skip));
  return {
    type: ActivityTypes.Message,
    text,
    inputHint: 'expectingInput',
    suggestedActions: { actions: buttons, to: [] },
  };
}

function yesNo(content: BotContent, locale: string): string[] {
  return [content.message('yes', locale), content.message('no', locale)];
}

function button(label: string): CardAction {
  // imBack: the label is sent as the citizen's own words, so the transcript reads naturally.
  return { type: ActionTypes.ImBack, title: label, value: label };
}
