// One entry point per question type, and a warm-up: the recognizers compile large regular
// expressions on first use (French ≈ 1.5 s), so the server calls warmUp before /readyz is 200.
import { recogniseChoice, recogniseChoices, recogniseCountry } from './choice.js';
import {
  recogniseAge,
  recogniseDate,
  recogniseMoney,
  recogniseNumber,
  recogniseYesNo,
} from './recognisers.js';
import type { Money, QuestionDefinition, Recognised, RecogniseOptions } from './types.js';

export type AnswerValue = number | string | string[] | boolean | Money;

/**
 * Reads the answer to `question` from a reply to it. Undefined when the reply does not answer
 * it unambiguously (the dialog then asks again, with examples).
 */
export function recogniseAnswer(
  text: string,
  locale: string,
  question: QuestionDefinition,
  options: RecogniseOptions & { direct?: boolean } = {},
): Recognised<AnswerValue> | undefined {
  const direct = options.direct ?? true;
  const choices = question.choices ?? [];
  switch (question.type) {
    case 'number':
      return recogniseNumber(text, locale);
    case 'age':
      return recogniseAge(text, locale, direct);
    case 'money':
      return recogniseMoney(text, locale, direct);
    case 'date':
      return recogniseDate(text, locale, options);
    case 'yesno':
      // Options can carry synonyms for yes and no ("I live alone"); plain yes/no otherwise.
      if (choices.length > 0) {
        const c = recogniseChoice(text, locale, choices, { direct });
        if (c) return { ...c, value: c.value === 'yes' || c.value === 'true' };
      }
      return direct ? recogniseYesNo(text, locale) : undefined;
    case 'choice':
      return recogniseChoice(text, locale, choices, { direct });
    case 'multichoice':
      return recogniseChoices(text, locale, choices, { direct });
    case 'country':
      return recogniseCountry(text, locale, choices, { direct });
  }
}

const WARM_UP_TEXT: Record<string, string> = {
  en: 'yes, I am 70 years old, born on 3 March 1955, and I get £200 a week from the United Kingdom',
  fr: "oui, j'ai 70 ans, né le 3 mars 1955, et je touche 200 euros par mois",
  nl: 'ja, ik ben 67 jaar, geboren op 3 maart 1955, en ik krijg 200 euro per maand',
};

/** Runs every recogniser once per locale so the first citizen does not wait for compilation. */
export async function warmUp(locales: string[]): Promise<void> {
  for (const locale of locales) {
    const text = WARM_UP_TEXT[locale] ?? WARM_UP_TEXT.en ?? '';
    for (const type of ['number', 'age', 'money', 'date', 'yesno', 'country'] as const) {
      recogniseAnswer(text, locale, { id: 'warm_up', type });
      // Give way between recognisers: each first call can take a while.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
