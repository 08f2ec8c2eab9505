/**
 * Small text helpers for rendering: how an answer reads back to the citizen ("Wales", "£200",
 * "3 March 1955"), and the folding used to compare what someone typed with a button's label.
 */
import type { AnswerValue } from '../../bot/eligibility/index.js';
import type { BotContent } from '../../bot/content.js';
import type { KnowledgePack, Question } from '../../bot/knowledge/index.js';
import { choicesOf, localise } from '../answers.js';
import { formatTag } from './values.js';

export function answerLabel(
  pack: KnowledgePack,
  question: Question,
  value: AnswerValue,
  locale: string,
  content: BotContent,
): string {
  const choices = choicesOf(pack, question);
  const labelOf = (id: string) => {
    if (question.type === 'yes-no') return content.message(id === 'yes' ? 'yes' : 'no', locale);
    const choice = choices.find((c) => c.id === id);
    return choice ? localise(choice.label, locale) : id;
  };
  if (Array.isArray(value)) return value.map(labelOf).join(', ');
  if (typeof value === 'boolean') return labelOf(value ? 'yes' : 'no');
  if (typeof value === 'number') {
    const formatted = new Intl.NumberFormat(formatTag(pack, locale)).format(value);
    return question.type === 'money'
      ? content.message('money_amount', locale, { amount: formatted })
      : formatted;
  }
  if (typeof value !== 'string') return String(value);
  if (question.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(formatTag(pack, locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${value}T00:00:00Z`));
  }
  return labelOf(value);
}

/** "Where do you live? Wales" */
export function factLine(
  pack: KnowledgePack,
  questionId: string,
  value: AnswerValue,
  locale: string,
  content: BotContent,
): string {
  const question = pack.questions[questionId];
  if (!question) return '';
  return content.message('fact', locale, {
    question: localise(question.prompt, locale),
    answer: answerLabel(pack, question, value, locale, content),
  });
}

export { fold } from '../../bot/understanding.js';
