// Numbers, ages, money, dates and yes/no in free text, per locale: the recognizers suite
// where it reads the language, our own small rules where it does not (Dutch numbers and dates,
// bare "I'm 70", "200 a week" without a currency sign).
import * as Suite from '@microsoft/recognizers-text-suite';
import { cultureOf, suiteReadsNumbers } from './culture.js';
import { dutchDates, dutchNumbers } from './dutch.js';
import { numericDates } from './numeric-dates.js';
import type { Money, Period, Recognised, RecogniseOptions, Span } from './types.js';

interface SuiteResult {
  start: number;
  end: number;
  text: string;
  typeName: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolution: any;
}

/** Longer texts are not answers to one question; the suite's regexes are costly on them. */
const MAX_ANSWER_CHARS = 500;

function clip(text: string): string {
  return text.length > MAX_ANSWER_CHARS ? text.slice(0, MAX_ANSWER_CHARS) : text;
}

/** The suite's end is inclusive and its text lower-cased: point into what the citizen wrote. */
function spanOf(r: SuiteResult, text: string): Span {
  return { start: r.start, end: r.end + 1, text: text.slice(r.start, r.end + 1) };
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** All numbers in the text, in order. */
export function recogniseNumbers(text: string, locale: string): Recognised<number>[] {
  const t = clip(text);
  if (!suiteReadsNumbers(locale)) return dutchNumbers(t).map((n) => ({ ...n, source: 'fallback' as const }));
  const out: Recognised<number>[] = [];
  for (const r of Suite.recognizeNumber(t, cultureOf(locale)) as SuiteResult[]) {
    const value = toNumber(r.resolution?.value);
    if (value !== undefined) out.push({ value, span: spanOf(r, t), source: 'suite' });
  }
  return out;
}

/** The one number in the text; undefined when there is none or more than one. */
export function recogniseNumber(text: string, locale: string): Recognised<number> | undefined {
  const all = recogniseNumbers(text, locale);
  return all.length === 1 ? all[0] : undefined;
}

// An age said without "years old": "I'm 70", "aged 70", "j'ai 70", "ik ben 67".
const AGE_CUES: Record<string, RegExp> = {
  en: /\b(?:i\s*'?\s*a?m|i am|aged?|age is|i turned|turning)\s*$/i,
  fr: /\b(?:j\s*'?\s*ai|âgée?|age|âge de)\s*$/i,
  nl: /\b(?:ik ben|leeftijd|leeftijd is|ik word|ik werd)\s*$/i,
};
const AGE_AFTER: Record<string, RegExp> = {
  en: /^\s*(?:years?|yrs?|y\/o|yo)\b/i,
  fr: /^\s*ans?\b/i,
  nl: /^\s*jaar\b/i,
};

/**
 * An age in years. `direct`: the text answers "How old are you?", so a lone number is the age;
 * otherwise the number needs a cue ("I'm 70", "70 years old").
 */
export function recogniseAge(text: string, locale: string, direct = true): Recognised<number> | undefined {
  const t = clip(text);
  if (suiteReadsNumbers(locale)) {
    const ages = (Suite.recognizeAge(t, cultureOf(locale)) as SuiteResult[])
      .map((r) => ({ value: toNumber(r.resolution?.value), span: spanOf(r, t) }))
      .filter((a): a is { value: number; span: Span } => a.value !== undefined);
    if (ages.length === 1) return { ...(ages[0] as { value: number; span: Span }), source: 'suite' };
    if (ages.length > 1) return undefined;
  }
  const numbers = recogniseNumbers(t, locale).filter(
    (n) => Number.isInteger(n.value) && n.value >= 0 && n.value < 130,
  );
  const cued = numbers.filter(
    (n) =>
      (AGE_CUES[locale] ?? (AGE_CUES.en as RegExp)).test(t.slice(0, n.span.start)) ||
      (AGE_AFTER[locale] ?? (AGE_AFTER.en as RegExp)).test(t.slice(n.span.end)),
  );
  if (cued.length === 1) return { ...(cued[0] as Recognised<number>), source: 'fallback' };
  if (direct && numbers.length === 1) return { ...(numbers[0] as Recognised<number>), source: 'fallback' };
  return undefined;
}

// A period needs its preposition ("a week", "par mois") or an adverb ("weekly"): a bare
// "70 years", "70 ans" or "67 jaar" is an age, not a rate.
const PERIODS: Record<string, [RegExp, Period][]> = {
  en: [
    [/^\s*(?:a|per|each|every|an?)\s+(?:week|wk)\b|^\s*weekly\b/i, 'week'],
    [
      /^\s*(?:a|per|each|every)\s+fortnight\b|^\s*fortnightly\b|^\s*(?:every|each)\s+(?:two|2)\s+weeks\b/i,
      'fortnight',
    ],
    [/^\s*(?:a|per|each|every)\s+month\b|^\s*monthly\b|^\s*(?:a|per)\s+calendar\s+month\b/i, 'month'],
    [/^\s*(?:a|per|each|every)\s+quarter\b|^\s*quarterly\b/i, 'quarter'],
    [/^\s*(?:a|per|each|every)\s+(?:year|annum)\b|^\s*(?:yearly|annually)\b|^\s*pa\b/i, 'year'],
    [/^\s*(?:a|per|each|every)\s+day\b|^\s*daily\b/i, 'day'],
  ],
  fr: [
    [/^\s*(?:par|chaque|toutes les|la)\s+semaine\b|^\s*hebdomadaires?\b/i, 'week'],
    [/^\s*(?:par|chaque|tous les|le)\s+mois\b|^\s*mensuel(?:le)?s?\b/i, 'month'],
    [/^\s*(?:par|chaque|tous les|l')\s*(?:an|année)s?\b|^\s*annuel(?:le)?s?\b/i, 'year'],
    [/^\s*(?:par|chaque)\s+trimestre\b|^\s*trimestriel(?:le)?s?\b/i, 'quarter'],
    [/^\s*(?:par|chaque)\s+jour\b|^\s*quotidien(?:ne)?s?\b/i, 'day'],
  ],
  nl: [
    [/^\s*(?:per|elke|iedere|in de|a)\s+week\b|^\s*wekelijks\b/i, 'week'],
    [/^\s*(?:per|elke|iedere|in de|a)\s+maand\b|^\s*maandelijks\b/i, 'month'],
    [/^\s*(?:per|elk|ieder|in het|a)\s+jaar\b|^\s*jaarlijks\b/i, 'year'],
    [/^\s*(?:per|elk|ieder)\s+kwartaal\b/i, 'quarter'],
    [/^\s*(?:per|elke|iedere)\s+dag\b|^\s*dagelijks\b/i, 'day'],
  ],
};

/** The period named right after an amount ("£200 a week"), with how far it reaches. */
function periodAfter(rest: string, locale: string): { period: Period; length: number } | undefined {
  for (const [re, period] of PERIODS[locale] ?? PERIODS.en ?? []) {
    const m = re.exec(rest.slice(0, 40));
    if (m) return { period, length: m[0].length };
  }
  return undefined;
}

const CURRENCY_WORDS = /^\s*(?:euros?|eur|€|pounds?|£|gbp|dollars?|\$)/i;
const CURRENCY_BEFORE = /(?:€|£|\$|eur|gbp)\s*$/i;

/**
 * An amount of money, with the period when the text names one. `direct`: the text answers a
 * money question, so a lone number counts as the amount.
 */
export function recogniseMoney(text: string, locale: string, direct = true): Recognised<Money> | undefined {
  const t = clip(text);
  const found: Recognised<Money>[] = [];
  if (suiteReadsNumbers(locale)) {
    for (const r of Suite.recognizeCurrency(t, cultureOf(locale)) as SuiteResult[]) {
      const amount = toNumber(r.resolution?.value);
      if (amount !== undefined)
        found.push({ value: { amount, currency: r.resolution?.unit }, span: spanOf(r, t), source: 'suite' });
    }
  }
  if (found.length === 0) {
    const numbers = recogniseNumbers(t, locale);
    const withCurrency = numbers.filter(
      (n) => CURRENCY_BEFORE.test(t.slice(0, n.span.start)) || CURRENCY_WORDS.test(t.slice(n.span.end)),
    );
    const withPeriod = numbers.filter((n) =>
      periodAfter(t.slice(n.span.end).replace(CURRENCY_WORDS, ''), locale),
    );
    const pick =
      withCurrency.length > 0 ? withCurrency : withPeriod.length > 0 ? withPeriod : direct ? numbers : [];
    for (const n of pick) found.push({ value: { amount: n.value }, span: n.span, source: 'fallback' });
  }
  if (found.length !== 1) return undefined;
  const money = found[0] as Recognised<Money>;
  const after = t.slice(money.span.end);
  const skipCurrency = after.match(CURRENCY_WORDS)?.[0].length ?? 0;
  const period = periodAfter(after.slice(skipCurrency), locale);
  if (period) {
    const end = money.span.end + skipCurrency + period.length;
    return {
      ...money,
      value: { ...money.value, period: period.period },
      span: { start: money.span.start, end, text: t.slice(money.span.start, end) },
    };
  }
  return money;
}

const DUTCH_RELATIVE: [RegExp, (asOf: Date, n: number) => Date][] = [
  [/\bvandaag\b/i, (d) => d],
  [/\beergisteren\b/i, (d) => addDays(d, -2)],
  [/\bgisteren\b/i, (d) => addDays(d, -1)],
  [/\bovermorgen\b/i, (d) => addDays(d, 2)],
  [/\bmorgen\b/i, (d) => addDays(d, 1)],
  [/\b(\d+)\s+dagen\s+geleden\b/i, (d, n) => addDays(d, -n)],
  [/\b(\d+)\s+weken\s+geleden\b/i, (d, n) => addDays(d, -7 * n)],
  [/\b(\d+)\s+maanden\s+geleden\b/i, (d, n) => addMonths(d, -n)],
  [/\b(\d+)\s+jaar\s+geleden\b/i, (d, n) => addMonths(d, -12 * n)],
];

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}
function addMonths(d: Date, n: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + n);
  return r;
}
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Dates the suite finds (English, French), each with the past reading when the year is open. */
function suiteDates(t: string, locale: string, asOf: Date): { value: string | undefined; span: Span }[] {
  const today = isoDay(asOf);
  return (Suite.recognizeDateTime(t, cultureOf(locale), undefined, asOf) as SuiteResult[])
    .filter((r) => r.typeName === 'datetimeV2.date')
    .map((r) => {
      const values = ((r.resolution?.values ?? []) as { value?: string }[])
        .map((v) => v.value)
        .filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
      return { value: values.filter((v) => v <= today).pop() ?? values[0], span: spanOf(r, t) };
    });
}

/** Dutch relative dates ("gisteren", "2 weken geleden"): the first one named. */
function dutchRelativeDate(t: string, asOf: Date): Recognised<string> | undefined {
  for (const [re, shift] of DUTCH_RELATIVE) {
    const m = re.exec(t);
    if (m)
      return {
        value: isoDay(shift(asOf, Number(m[1] ?? 0))),
        span: { start: m.index, end: m.index + m[0].length, text: m[0] },
        source: 'fallback',
      };
  }
  return undefined;
}

/**
 * A calendar date (YYYY-MM-DD): absolute ("3 March 1955", "27 3 1955", "27/03/1955") or relative
 * to `asOf` ("yesterday", "two weeks ago"). When the text leaves the year open, the past reading
 * wins (the questions we ask are about birth dates and things that happened). Dates in figures
 * are ours (numeric-dates.ts: day first unless `monthFirst`), never the suite's month-first ones.
 */
export function recogniseDate(
  text: string,
  locale: string,
  options: RecogniseOptions = {},
): Recognised<string> | undefined {
  const t = clip(text);
  const asOf = options.asOf ?? new Date();
  const numeric = numericDates(t, { asOf, monthFirst: options.monthFirst ?? false });
  // Figures shaped like a date that are none ("31 2 1961"): ask again rather than read around them.
  if (numeric.some((n) => n.value === undefined)) return undefined;
  const claimed = (span: Span): boolean =>
    numeric.some((n) => span.start < n.span.end && n.span.start < span.end);
  const words = (locale === 'nl' ? dutchDates(t) : suiteDates(t, locale, asOf))
    .filter((d) => !claimed(d.span))
    .map((d) => ({ ...d, source: locale === 'nl' ? ('fallback' as const) : ('suite' as const) }));
  const dates = [...numeric.map((n) => ({ ...n, source: 'fallback' as const })), ...words];
  if (dates.length > 1) return undefined;
  const date = dates[0];
  if (date === undefined) return locale === 'nl' ? dutchRelativeDate(t, asOf) : undefined;
  return date.value === undefined ? undefined : { value: date.value, span: date.span, source: date.source };
}

/** Yes or no ("yes please", "nope", "oui", "nee hoor"); undefined when unclear or both. */
export function recogniseYesNo(text: string, locale: string): Recognised<boolean> | undefined {
  const t = clip(text);
  const results = (Suite.recognizeBoolean(t, cultureOf(locale)) as SuiteResult[]).filter(
    (r) => typeof r.resolution?.value === 'boolean',
  );
  const values = new Set(results.map((r) => r.resolution.value as boolean));
  if (values.size !== 1) return undefined;
  const r = results[0] as SuiteResult;
  return { value: r.resolution.value as boolean, span: spanOf(r, t), source: 'suite' };
}
