/**
 * The shapes of a knowledge pack's files, as an editor writes them. They mirror the JSON Schemas in
 * knowledge/schema/ (the single source of truth); test/unit/knowledge/types-match-schemas.test.ts fails
 * when a property is added to one and not the other.
 */
import type { Operand, Rule } from '../eligibility/rules.js';
import type { DateBound, NumberBound } from '../eligibility/model.js';

/** A text per language; `en` is always there (the schema requires it). */
export interface LocalText {
  en: string;
  [locale: string]: string;
}

/** Short texts per language, such as synonyms. */
export type LocalTextList = Record<string, string[]>;

export interface Source {
  title?: string;
  url: string;
}

/** A rule as written in a pack. Its language belongs to bot/eligibility (rules.ts, rule.schema.json). */
export type RuleJson = Rule;

export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export interface ServiceFile {
  $schema: string;
  id: string;
  /** `result`: an answer to the citizen's question rather than something to apply for. */
  kind?: 'service' | 'result';
  title: LocalText;
  /** The service as named inside a sentence, when the title does not read well there. */
  name?: LocalText;
  summary: LocalText;
  description?: LocalText;
  whoCanGet?: LocalText;
  howToApply: { url: string; phone?: string; steps?: LocalText[] };
  documents?: LocalText[];
  cost?: LocalText;
  appliesIn: { nations: Nation[]; regions?: string[] };
  rule: RuleJson;
  outcomes: { eligible: LocalText; notEligible: LocalText; maybe: LocalText };
  sources: Source[];
  lastReviewed: string;
  topics?: string[];
  related?: string[];
  lifeEvents?: string[];
  notChecked?: LocalText[];
}

export type QuestionType =
  | 'choice'
  | 'multi-choice'
  | 'yes-no'
  | 'number'
  | 'money'
  | 'date'
  | 'age'
  | 'country'
  | 'region'
  | 'postcode'
  | 'text';

export interface Choice {
  id: string;
  label: LocalText;
  synonyms?: LocalTextList;
}

export interface QuestionValidation {
  /** A number, or a number of times another number answer. */
  min?: NumberBound;
  max?: NumberBound;
  integer?: boolean;
  /** A date YYYY-MM-DD, asOf for the date of the check, or a date counted back from it. */
  earliest?: DateBound;
  latest?: DateBound;
  minChoices?: number;
  maxLength?: number;
}

export interface Question {
  id: string;
  type: QuestionType;
  prompt: LocalText;
  help?: LocalText;
  why?: LocalText;
  choices?: Choice[];
  choicesFrom?: string;
  validation?: QuestionValidation;
  periods?: Array<'week' | 'month' | 'year'>;
  /** A yes/no question answered from a stated age: yes from `yesFrom`, no under `noUnder`. */
  fromAge?: { yesFrom: number; noUnder: number };
  personalData?: boolean;
  askIf?: RuleJson;
}

export interface QuestionsFile {
  $schema: string;
  questions: Question[];
}

export type ParameterValue = number | string | boolean | ParameterValue[] | { [key: string]: ParameterValue };

export interface DatedValue {
  from: string;
  to?: string;
  value: ParameterValue;
  source: string;
}

export interface ParameterFile {
  $schema: string;
  id: string;
  description: string;
  unit?: string;
  values: DatedValue[];
}

export interface ListFile {
  $schema: string;
  id: string;
  description?: string;
  members: string[];
  labels?: Record<string, LocalText>;
  sources?: Source[];
}

export interface ScreeningGroup {
  id: string;
  title: LocalText;
  services: string[];
}

export interface ScreeningFile {
  $schema: string;
  id: string;
  title: LocalText;
  intro: LocalText;
  lifeEvent?: string;
  questions: string[];
  services: string[];
  groups?: ScreeningGroup[];
  values?: ScreeningValue[];
  outcomes: {
    someEligible: LocalText;
    noneEligible: LocalText;
    someUnknown?: LocalText;
    guidance?: LocalText;
  };
}

/** A value a screening works out and shows with its results (`{id}` in a service's outcome texts). */
export interface ScreeningValue {
  id: string;
  description?: string;
  /** An operand (a date, an amount...), or else `rule` for a yes/no value. */
  value?: Operand;
  rule?: RuleJson;
  /** How to show it; by default from what it is (a date, a number, an age as years/months/days). */
  format?: 'date' | 'money' | 'number' | 'period' | 'yes-no';
  /** For a yes/no value: the sentence shown in its place for yes and for no. */
  says?: { yes?: LocalText; no?: LocalText };
}

export type TopicStart = { screening: string } | { service: string };

export interface Topic {
  id: string;
  utterances: string[];
  synonyms?: string[];
  starts: TopicStart;
}

export interface Intent {
  id: string;
  utterances: string[];
}

export interface TopicsFile {
  $schema: string;
  locale: string;
  topics: Topic[];
  intents?: Intent[];
  outOfScope?: string[];
}

export interface MessagesFile {
  $schema: string;
  locale: string;
  messages: Record<string, string>;
}

export interface Settings {
  $schema: string;
  locales: string[];
  nlu: { acceptThreshold: number; confirmThreshold: number; minInScopeShare?: number };
  /** Language tags for writing dates and numbers, per locale ({"en": "en-GB"}). */
  formats?: Record<string, string>;
  review?: { maxAgeDays?: number };
  conversation?: {
    maxMessageLength?: number;
    maxRetries?: number;
    welcomeTopics?: string[];
    /** Offer to keep answers after the conversation for this many days (never without it). */
    keepAnswersDays?: number;
  };
  eligibility?: { nationQuestion?: string };
}

export type AnswerValue =
  string | number | boolean | string[] | { amount: number; period: 'week' | 'month' | 'year' };

export interface ScenarioExpect {
  outcome?: 'eligible' | 'ineligible' | 'unknown';
  eligible?: string[];
  ineligible?: string[];
  unknown?: string[];
  nextQuestion?: string | null;
  nextOnRoute?: string | null;
  /** Named values by id (null: does not apply). */
  values?: Record<string, unknown>;
}

export interface ScenarioCase {
  name: string;
  screening?: string;
  service?: string;
  asOf: string;
  answers: Record<string, AnswerValue>;
  /** Named values set directly (a calculator's state), not worked out. */
  given?: Record<string, unknown>;
  expect: ScenarioExpect;
}

export interface ScenarioFile {
  $schema: string;
  description?: string;
  cases: ScenarioCase[];
}

export interface ConversationTurn {
  user: string;
  expect?: {
    message?: string;
    asks?: string;
    topic?: string;
    eligible?: string[];
    contains?: string;
    excludes?: string;
  };
}

export interface Conversation {
  name: string;
  locale?: string;
  asOf?: string;
  turns: ConversationTurn[];
}

export interface ConversationFile {
  $schema: string;
  description?: string;
  conversations: Conversation[];
}
