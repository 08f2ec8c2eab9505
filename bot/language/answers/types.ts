// Plain data for answers read from free text.

export type AnswerType = 'number' | 'age' | 'money' | 'date' | 'yesno' | 'choice' | 'multichoice' | 'country';

/** One option of a choice question; labels and synonyms per locale. */
export interface ChoiceOption {
  id: string;
  labels?: Record<string, string>;
  synonyms?: Record<string, string[]>;
}

/** What the recognisers need to know of a screening question. */
export interface QuestionDefinition {
  id: string;
  type: AnswerType;
  choices?: ChoiceOption[];
}

/** Where in the text an answer came from (offsets into the text as given, end exclusive). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type Period = 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year';

export interface Money {
  amount: number;
  /** ISO-like unit name as the recogniser gives it ("Pound", "Euro"), when the text names one. */
  currency?: string;
  /** "£200 a week": the period the amount is for, when the text says it. */
  period?: Period;
}

export interface Recognised<T> {
  value: T;
  span: Span;
  /**
   * `suite`: @microsoft/recognizers-text-suite; `fallback`: our own rules (Dutch, dates in
   * figures, bare phrases); `match`: option text.
   */
  source: 'suite' | 'fallback' | 'match';
}

export interface RecogniseOptions {
  /** The date relative dates are counted from ("yesterday"); defaults to now. */
  asOf?: Date;
  /**
   * The citizen writes dates in figures month first ("3/27/1961"), as in the United States. By
   * default day first ("27/3/1961", "27 3 1961"), as in the UK, France, Belgium and the
   * Netherlands. Dialogs set it from the pack (`settings.formats[locale]` is "en-US").
   */
  monthFirst?: boolean;
}
