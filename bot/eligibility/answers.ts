/**
 * Checking one answer against its question before the engine sees it: a choice the question
 * does not have, a number out of bounds, a date that is not a real date. The result carries a
 * stable code (dialogs pick the citizen's wording from the pack by code) and a plain message for
 * editors and the `guichet check` command, naming the question and what is allowed.
 */
import { addPeriod, formatIsoDate, isIsoDate, parseIsoDate } from './dates.js';
import type {
  AnswerValue,
  Answers,
  DateBound,
  EligibilityModel,
  NamedList,
  NumberBound,
  QuestionDef,
} from './model.js';

export type AnswerProblemCode =
  | 'unknown-question'
  | 'wrong-type'
  | 'not-a-choice'
  | 'duplicate-choice'
  | 'too-few-choices'
  | 'not-a-number'
  | 'not-whole'
  | 'too-small'
  | 'too-large'
  | 'not-a-date'
  | 'too-early'
  | 'too-late'
  | 'empty';

export type AnswerCheck =
  | { ok: true; value: AnswerValue }
  | { ok: false; question: string; code: AnswerProblemCode; message: string; allowed: string };

export interface AnswerContext {
  /** The evaluation date, for `latest: "asOf"` bounds and dates counted back from it. */
  asOf?: string;
  /** The answers so far, for bounds that depend on another answer. */
  answers?: Answers;
  /** Named lists, for questions whose choices come from one (`choicesFrom`). */
  lists?: ReadonlyMap<string, NamedList>;
}

const YES_NO = ['yes', 'no'] as const;

/** Checks one answer; on success returns it normalised (true/false for yes-no become "yes"/"no"). */
export function validateAnswer(
  question: QuestionDef,
  value: unknown,
  context: AnswerContext = {},
): AnswerCheck {
  switch (question.type) {
    case 'choice':
    case 'country':
      return validateChoice(question, value, context);
    case 'yes-no':
      return validateYesNo(question, value);
    case 'multi-choice':
      return validateMultiChoice(question, value, context);
    case 'number':
    case 'money':
    case 'age':
      return validateNumber(question, value, context);
    case 'date':
      return validateDate(question, value, context);
    case 'postcode':
      return validatePostcode(question, value);
  }
}

/** Checks every answer against the model; the first problem, in the order of the answers, or the normalised answers. */
export function validateAnswers(
  model: EligibilityModel,
  answers: Readonly<Record<string, unknown>>,
  asOf?: string,
): { ok: true; answers: Answers } | Extract<AnswerCheck, { ok: false }> {
  const normalised: Record<string, AnswerValue> = {};
  // Bounds that depend on another answer see every numeric answer, whatever the order given.
  const numbers = Object.fromEntries(
    Object.entries(answers).filter(([, v]) => typeof v === 'number'),
  ) as Answers;
  for (const [id, value] of Object.entries(answers)) {
    const question = model.questions.get(id);
    if (!question) {
      const allowed = [...model.questions.keys()].join(', ');
      return fail(id, 'unknown-question', `there is no question "${id}"`, allowed);
    }
    const checked = validateAnswer(question, value, {
      lists: model.lists,
      answers: numbers,
      ...(asOf ? { asOf } : {}),
    });
    if (!checked.ok) return checked;
    normalised[id] = checked.value;
  }
  return { ok: true, answers: normalised };
}

/** The ids a choice-like question accepts. */
export function allowedChoices(
  question: QuestionDef,
  lists?: ReadonlyMap<string, NamedList>,
): readonly string[] {
  if (question.type === 'yes-no') return YES_NO;
  if (question.choicesFrom !== undefined) return lists?.get(question.choicesFrom)?.members ?? [];
  return question.choices ?? [];
}

function validateChoice(question: QuestionDef, value: unknown, context: AnswerContext): AnswerCheck {
  const choices = allowedChoices(question, context.lists);
  const allowed = describeChoices(question, choices);
  if (typeof value !== 'string')
    return fail(question.id, 'wrong-type', `${describe(question)} needs one choice id`, allowed);
  // A country question without a list accepts any id: the rules decide what a country means.
  if (question.type === 'country' && question.choicesFrom === undefined && value !== '') return ok(value);
  if (!choices.includes(value)) {
    return fail(question.id, 'not-a-choice', `"${value}" is not a choice of ${describe(question)}`, allowed);
  }
  return ok(value);
}

function validateYesNo(question: QuestionDef, value: unknown): AnswerCheck {
  if (value === true || value === 'yes') return ok('yes');
  if (value === false || value === 'no') return ok('no');
  return fail(
    question.id,
    'not-a-choice',
    `${show(value)} is not a choice of ${describe(question)}`,
    'yes, no',
  );
}

function validateMultiChoice(question: QuestionDef, value: unknown, context: AnswerContext): AnswerCheck {
  const choices = allowedChoices(question, context.lists);
  const allowed = `a list of ${describeChoices(question, choices)}`;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    return fail(question.id, 'wrong-type', `${describe(question)} needs a list of choice ids`, allowed);
  }
  const seen = new Set<string>();
  for (const choice of value as string[]) {
    if (!choices.includes(choice)) {
      return fail(
        question.id,
        'not-a-choice',
        `"${choice}" is not a choice of ${describe(question)}`,
        allowed,
      );
    }
    if (seen.has(choice))
      return fail(
        question.id,
        'duplicate-choice',
        `"${choice}" is chosen twice in ${describe(question)}`,
        allowed,
      );
    seen.add(choice);
  }
  const fewest = question.validation?.minChoices ?? 0;
  if (seen.size < fewest) {
    return fail(
      question.id,
      'too-few-choices',
      `${describe(question)} needs at least ${fewest} choice(s)`,
      allowed,
    );
  }
  return ok([...(value as string[])]);
}

function validateNumber(question: QuestionDef, value: unknown, context: AnswerContext): AnswerCheck {
  const bounds = question.validation ?? {};
  // Money is never negative and an age is a whole number unless the pack says otherwise.
  const min = numberBound(bounds.min, context) ?? (question.type === 'number' ? undefined : 0);
  const max = numberBound(bounds.max, context);
  const integer = bounds.integer ?? question.type === 'age';
  const allowed = describeRange(min, max, integer);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail(
      question.id,
      'not-a-number',
      `${show(value)} is not a number for ${describe(question)}`,
      allowed,
    );
  }
  if (integer && !Number.isInteger(value)) {
    return fail(
      question.id,
      'not-whole',
      `${value} is not a whole number for ${describe(question)}`,
      allowed,
    );
  }
  if (min !== undefined && value < min)
    return fail(question.id, 'too-small', `${value} is too small for ${describe(question)}`, allowed);
  if (max !== undefined && value > max) {
    return fail(question.id, 'too-large', `${value} is too large for ${describe(question)}`, allowed);
  }
  return ok(value);
}

function validateDate(question: QuestionDef, value: unknown, context: AnswerContext): AnswerCheck {
  const bounds = question.validation ?? {};
  const earliest = dateBound(bounds.earliest, context);
  const latest = dateBound(bounds.latest, context);
  const allowed = ['a date YYYY-MM-DD', earliest && `from ${earliest}`, latest && `to ${latest}`]
    .filter(Boolean)
    .join(' ');
  if (!isIsoDate(value))
    return fail(
      question.id,
      'not-a-date',
      `${show(value)} is not a real date for ${describe(question)}`,
      allowed,
    );
  if (earliest !== undefined && value < earliest) {
    return fail(question.id, 'too-early', `${value} is too early for ${describe(question)}`, allowed);
  }
  if (latest !== undefined && value > latest)
    return fail(question.id, 'too-late', `${value} is too late for ${describe(question)}`, allowed);
  return ok(value);
}

/** A number bound as a number: a scaled bound needs its question answered with a number. */
function numberBound(bound: NumberBound | undefined, context: AnswerContext): number | undefined {
  if (bound === undefined || typeof bound === 'number') return bound;
  const base = context.answers?.[bound.question];
  return typeof base === 'number' ? base * bound.times : undefined;
}

/** A date bound as `YYYY-MM-DD`; bounds relative to the as-of date need one. */
function dateBound(bound: DateBound | undefined, context: AnswerContext): string | undefined {
  if (bound === undefined) return undefined;
  if (bound === 'asOf') return context.asOf;
  if (typeof bound === 'string') return bound;
  const asOf = context.asOf === undefined ? undefined : parseIsoDate(context.asOf);
  if (!asOf) return undefined;
  const back = addPeriod(asOf, -bound.yearsBeforeAsOf, 0);
  return formatIsoDate(bound.startOfYear ? { year: back.year, month: 1, day: 1 } : back);
}

function validatePostcode(question: QuestionDef, value: unknown): AnswerCheck {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(question.id, 'empty', `${describe(question)} needs a postcode`, 'a postcode');
  }
  return ok(value.trim());
}

function ok(value: AnswerValue): AnswerCheck {
  return { ok: true, value };
}

function fail(
  question: string,
  code: AnswerProblemCode,
  message: string,
  allowed: string,
): AnswerCheck & { ok: false } {
  return { ok: false, question, code, message: `${message}; allowed: ${allowed}`, allowed };
}

function describe(question: QuestionDef): string {
  return `question "${question.id}"`;
}

function describeChoices(question: QuestionDef, choices: readonly string[]): string {
  if (choices.length === 0) return question.type === 'country' ? 'a country id' : 'no choices defined';
  return choices.join(', ');
}

function describeRange(min: number | undefined, max: number | undefined, integer: boolean): string {
  const kind = integer ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} of at least ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
