/**
 * The narrow view of a knowledge pack that the eligibility engine evaluates over.
 *
 * The pack loader (bot/knowledge) builds objects of these shapes; the engine reads nothing else.
 * Everything is plain, read-only data so a pack index can hand out the same objects to every
 * conversation, and tests can write a model by hand in a few lines.
 */
import type { Operand, Rule } from './rules.js';

export type Locale = 'en' | 'fr' | 'nl';

/** A text a citizen reads, per locale; `en` is always present. */
export interface LocalText {
  readonly en: string;
  readonly fr?: string;
  readonly nl?: string;
}

/** The question types of docs/architecture.md. The answer shapes are in answers.ts. */
export type QuestionType =
  'choice' | 'multi-choice' | 'yes-no' | 'number' | 'money' | 'date' | 'age' | 'country' | 'postcode';

/**
 * A bound that depends on another answer: `times` the answer to `question` ("at most 16 hours
 * for each day of the pay period"). It does not apply while that question has no number.
 */
export interface AnswerScaledBound {
  readonly question: string;
  readonly times: number;
}

/**
 * A date bound counted back from the as-of date: `yearsBeforeAsOf` years before it, moved to
 * 1 January of that year when `startOfYear` is set ("born in 1904 or later" on any day of 2026).
 */
export interface RelativeDateBound {
  readonly yearsBeforeAsOf: number;
  readonly startOfYear?: boolean;
}

export type NumberBound = number | AnswerScaledBound;
/** `YYYY-MM-DD`, `asOf` (the evaluation date) or a date counted back from it. */
export type DateBound = string | RelativeDateBound;

/** Bounds an answer must respect. */
export interface AnswerBounds {
  /** number, money, age: smallest allowed value. */
  readonly min?: NumberBound;
  /** number, money, age: largest allowed value. */
  readonly max?: NumberBound;
  /** number, age: whole numbers only. */
  readonly integer?: boolean;
  /** date: earliest allowed date. */
  readonly earliest?: DateBound;
  /** date: latest allowed date (`asOf` means the evaluation date). */
  readonly latest?: DateBound;
  /** multi-choice: fewest choices (0 allows "none of these"). */
  readonly minChoices?: number;
}

export interface QuestionDef {
  readonly id: string;
  readonly type: QuestionType;
  /** Choice ids for `choice` and `multi-choice` (a yes-no question's are always yes and no). */
  readonly choices?: readonly string[];
  /** For `country` (or a long `choice`): the named list whose members are the allowed ids. */
  readonly choicesFrom?: string;
  /** Ask only if this holds; while it is false the question is skipped and counts as unanswered. */
  readonly askIf?: Rule;
  readonly validation?: AnswerBounds;
}

export interface ServiceDef {
  readonly id: string;
  /** The service's name as citizens know it, used in reasons ("{service}"). */
  readonly name: LocalText;
  /** Eligible when this is true. Plain-language clauses sit on its nodes (`because`, `becauseNot`). */
  readonly rule: Rule;
  /** Where the service exists; none means everywhere. Matched against the model's nation question. */
  readonly nations?: readonly string[];
  /** What this check does not look at ("We did not check your immigration status"). */
  readonly notChecked?: readonly LocalText[];
}

export interface ScreeningGroup {
  readonly id: string;
  readonly title: LocalText;
  readonly services: readonly string[];
}

/**
 * A value a screening works out from the answers, to show with its results ("You will reach
 * State Pension age on {state_pension_date}") and to check in scenarios: an operand, or a rule
 * (a yes/no value). Ids are unique across the pack; rules and other values name them with
 * `{"value": id}`.
 */
export interface NamedValue {
  readonly id: string;
  readonly value?: Operand;
  readonly rule?: Rule;
}

export interface ScreeningDef {
  readonly id: string;
  /** The editor's order: the next question is the first in this list that can still matter. */
  readonly questions: readonly string[];
  /** The services it screens for, in the order they are shown. */
  readonly services: readonly string[];
  readonly groups?: readonly ScreeningGroup[];
  /** The ids of the named values it shows with its results. */
  readonly values?: readonly string[];
}

/** JSON a parameter may hold: a number, a date, or a small table (rows of a legal timetable). */
export type ParameterValue =
  string | number | boolean | null | readonly ParameterValue[] | { readonly [key: string]: ParameterValue };

/** One value of a parameter, in force from `from` to `to`, both days included (open-ended without `to`). */
export interface DatedValue {
  readonly from: string;
  readonly to?: string;
  readonly value: ParameterValue;
  /** Where the figure comes from (an act, a regulation, a rates page). */
  readonly source: string;
}

export interface ParameterDef {
  readonly id: string;
  readonly values: readonly DatedValue[];
}

/** A named group of ids, such as the EEA countries. */
export interface NamedList {
  readonly id: string;
  readonly members: readonly string[];
}

/**
 * Sentence frames for reasons, per locale, with `{service}` and `{reasons}` placeholders
 * ("You may be able to get {service} because {reasons}"); `and` joins clauses (" and ").
 */
export interface ReasonTemplates {
  readonly eligible: LocalText;
  readonly ineligible: LocalText;
  readonly unknown?: LocalText;
  readonly and: LocalText;
}

export interface EligibilityModel {
  readonly questions: ReadonlyMap<string, QuestionDef>;
  readonly services: ReadonlyMap<string, ServiceDef>;
  readonly screenings: ReadonlyMap<string, ScreeningDef>;
  readonly parameters: ReadonlyMap<string, ParameterDef>;
  readonly lists: ReadonlyMap<string, NamedList>;
  /** Named values, by id, from every screening (none when the pack defines none). */
  readonly values?: ReadonlyMap<string, NamedValue>;
  /** The question whose answer is a nation id, matched against services' `nations`. */
  readonly nationQuestion?: string;
  readonly reasonTemplates?: ReasonTemplates;
}

/** Answers keyed by question id, as in docs/interfaces.md (choice id, list of ids, number, date). */
export type AnswerValue = string | number | boolean | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;
