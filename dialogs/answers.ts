/**
 * The bridge between a pack question and the two plain modules that handle answers: language
 * understanding reads an answer from free text, the eligibility engine checks and stores it.
 */
import type { AnswerValue, Answers, QuestionDef } from '../bot/eligibility/index.js';
import { validateAnswer } from '../bot/eligibility/index.js';
import { ageOn, parseIsoDate } from '../bot/eligibility/dates.js';
import type { KnowledgePack, LocalText, Question } from '../bot/knowledge/index.js';
import { formatTag } from './render/values.js';
import {
  extractFacts,
  recogniseAge,
  recogniseAnswer,
  recogniseDate,
  recogniseInRanges,
  type AnswerType,
  type AnswerValue as SpokenValue,
  type QuestionDefinition,
} from '../bot/language/index.js';

export function localise(text: LocalText | undefined, locale: string): string {
  if (!text) return '';
  return text[locale] ?? text.en;
}

const ANSWER_TYPES: Readonly<Record<string, AnswerType | undefined>> = {
  choice: 'choice',
  region: 'choice',
  'multi-choice': 'multichoice',
  'yes-no': 'yesno',
  number: 'number',
  money: 'money',
  date: 'date',
  age: 'age',
  country: 'country',
};

/** What language understanding needs to know of a question; undefined when it cannot read one. */
export function spokenQuestion(pack: KnowledgePack, question: Question): QuestionDefinition | undefined {
  const type = ANSWER_TYPES[question.type];
  if (!type) return undefined;
  const choices = choicesOf(pack, question).map((choice) => ({
    id: choice.id,
    labels: { ...choice.label },
    synonyms: { ...(choice.synonyms ?? {}) },
  }));
  return { id: question.id, type, choices };
}

/** A question's choices, including those of a named list (countries). */
export function choicesOf(
  pack: KnowledgePack,
  question: Question,
): Array<{ id: string; label: LocalText; synonyms?: Record<string, string[]> }> {
  if (question.choices) return [...question.choices];
  if (question.choicesFrom) {
    const list = pack.lists[question.choicesFrom];
    return (list?.members ?? []).map((member) => ({
      id: member,
      label: list?.labels?.[member] ?? { en: member },
    }));
  }
  if (question.type === 'yes-no') {
    return [
      { id: 'yes', label: { en: 'yes' } },
      { id: 'no', label: { en: 'no' } },
    ];
  }
  return [];
}

/** Weeks in each period money can be given for: the pack's money rules are written per week. */
const WEEKS_PER: Readonly<Record<string, number>> = {
  day: 1 / 7,
  week: 1,
  fortnight: 2,
  month: 52 / 12,
  quarter: 13,
  year: 52,
};

/** The engine's form of a spoken answer: money per week, yes/no as "yes" or "no". */
export function engineValue(value: SpokenValue): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const weeks = WEEKS_PER[value.period ?? 'week'] ?? 1;
    return Math.round((value.amount / weeks) * 100) / 100;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

export type Reading =
  { kind: 'answer'; value: AnswerValue } | { kind: 'invalid'; code: string } | { kind: 'none' };

/** An amount given per hour ("£12 an hour", "12/hr", "12 € de l'heure", "12 euro per uur"). */
const HOURLY =
  /\b(an?|per|each|every)\s+hour\b|\bhourly\b|\/\s*h(ou)?r\b|\b(de l'heure|par heure|l'heure|per uur|het uur)\b/i;

/** Reads a reply to `question`: an answer the engine accepts, one it refuses, or nothing. */
export function readAnswer(
  pack: KnowledgePack,
  question: Question,
  definition: QuestionDef | undefined,
  text: string,
  locale: string,
  asOf: string,
  answers: Answers = {},
): Reading {
  const spoken = spokenQuestion(pack, question);
  if (!spoken || !definition) return { kind: 'none' };
  // "£12 an hour" is a rate, not an amount for a week, month or year: ask again, never guess.
  if (spoken.type === 'money' && HOURLY.test(text)) return { kind: 'invalid', code: 'not-a-number' };
  // Options that are numbers ("2", "3 or 4"): "she's 3" means the option holding 3.
  const ranged =
    spoken.type === 'choice' || spoken.type === 'multichoice'
      ? recogniseInRanges(text, locale, spoken.choices ?? [], spoken.type === 'multichoice')
      : undefined;
  const multiple = spoken.type === 'multichoice';
  const value = ranged
    ? multiple
      ? ranged
      : ranged[0]
    : recogniseAnswer(text, locale, spoken, recogniseOptions(pack, locale, asOf))?.value;
  if (value === undefined) return { kind: 'none' };
  const checked = validateAnswer(definition, engineValue(value), { asOf, lists: pack.model.lists, answers });
  return checked.ok ? { kind: 'answer', value: checked.value } : { kind: 'invalid', code: checked.code };
}

export interface Fact {
  questionId: string;
  value: AnswerValue;
}

/** Facts a whole sentence states for the given questions, keeping only those the engine accepts. */
export function readFacts(
  pack: KnowledgePack,
  questionIds: readonly string[],
  text: string,
  locale: string,
  asOf: string,
): Fact[] {
  const spoken = questionIds.flatMap((id) => {
    const question = pack.questions[id];
    const definition = question ? spokenQuestion(pack, question) : undefined;
    return definition ? [definition] : [];
  });
  const facts: Fact[] = agedFacts(pack, questionIds, text, locale, asOf);
  for (const fact of extractFacts(text, locale, spoken, recogniseOptions(pack, locale, asOf))) {
    const definition = pack.model.questions.get(fact.questionId);
    if (!definition) continue;
    const checked = validateAnswer(definition, engineValue(fact.value), { asOf, lists: pack.model.lists });
    if (checked.ok && !facts.some((f) => f.questionId === fact.questionId)) {
      facts.push({ questionId: fact.questionId, value: checked.value });
    }
  }
  return facts;
}

/** Words that make the next number the speaker's own age ("I'm 70", "j'ai 70 ans", "ik ben 70"). */
const FIRST_PERSON_AGE =
  /(\bi'?m|\bi am|\bim|\bi turned|\bi'll be|\bi will be|\bmy age is|\bj'ai|\bje suis|\bik ben|\bik word)\s+(?:now\s+|nearly\s+|almost\s+|just\s+|aged\s+)?$/i;

/**
 * "I'm 70" answers "Have you reached State Pension age?" when the pack says from which age the
 * answer is surely yes, and under which it is surely no; in between, we still ask.
 * "I was born on 3 March 1952" says the age too (as at the check's date).
 */
function agedFacts(
  pack: KnowledgePack,
  questionIds: readonly string[],
  text: string,
  locale: string,
  asOf: string,
): Fact[] {
  const aged = questionIds.flatMap((id) => {
    const question = pack.questions[id];
    return question?.type === 'yes-no' && question.fromAge ? [{ id, ...question.fromAge }] : [];
  });
  if (aged.length === 0) return [];
  const age = ownAge(pack, text, locale, asOf);
  if (age === undefined) return [];
  return aged.flatMap(({ id, yesFrom, noUnder }) =>
    age >= yesFrom
      ? [{ questionId: id, value: 'yes' }]
      : age < noUnder
        ? [{ questionId: id, value: 'no' }]
        : [],
  );
}

/** The speaker's own age, said as an age ("I'm 70") or as their date of birth ("I was born in ..."). */
function ownAge(pack: KnowledgePack, text: string, locale: string, asOf: string): number | undefined {
  const found = recogniseAge(text, locale, false);
  // Only the person's own age: "I'm 70", not "childcare for my 3 year old" or "my mum is 82".
  if (found && FIRST_PERSON_AGE.test(text.slice(Math.max(0, found.span.start - 24), found.span.start)))
    return found.value;
  if (!BORN.test(text)) return undefined;
  const born = recogniseDate(text, locale, recogniseOptions(pack, locale, asOf));
  const birth = born ? parseIsoDate(born.value) : undefined;
  const today = parseIsoDate(asOf);
  return birth && today && born!.value <= asOf ? ageOn(birth, today) : undefined;
}

/** "I was born", "je suis né(e)", "ik ben geboren": what follows is the speaker's date of birth. */
const BORN = /\b(i was born|i'm born|born on|born in|je suis née?|ik ben geboren)\b/i;

/** A reply long enough to say more than the answer to the question asked (three words or more). */
export function isSentence(text: string): boolean {
  return text.trim().split(/\s+/).filter(Boolean).length >= 3;
}

/**
 * A fact that is only "yes" or "no" for a choice question other than the one asked (an option
 * with the id yes or no): a bare yes says nothing about another question, so it never answers it.
 * Yes-no questions are not affected: a sentence answers them only with their own words.
 */
export function isBareYesNo(pack: KnowledgePack, fact: Fact): boolean {
  const question = pack.questions[fact.questionId];
  return question?.type === 'choice' && (fact.value === 'yes' || fact.value === 'no');
}

/** What a topic is called: its synonyms, and the titles of the services that belong to it. */
export function topicNames(pack: KnowledgePack, topicId: string): string[] {
  const names = new Set<string>();
  for (const file of Object.values(pack.topics)) {
    for (const topic of file.topics)
      if (topic.id === topicId) for (const name of topic.synonyms ?? []) names.add(name);
  }
  for (const service of Object.values(pack.services)) {
    if (service.topics?.includes(topicId)) for (const title of Object.values(service.title)) names.add(title);
  }
  return [...names];
}

/** The text with each name taken out (whole words, any case), longest names first. */
export function withoutNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const escaped = name
      .trim()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    if (escaped)
      out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, 'giu'), '$1 ');
  }
  return out;
}

/**
 * How to read the citizen's words: as at the check's date, and dates in figures day first
 * (10/05/1960 is 10 May) unless the pack writes this language's dates the American way.
 */
function recogniseOptions(
  pack: KnowledgePack,
  locale: string,
  asOf: string,
): { asOf: Date; monthFirst: boolean } {
  return { asOf: new Date(`${asOf}T12:00:00Z`), monthFirst: formatTag(pack, locale) === 'en-US' };
}
