// Dates written in figures only ("27 3 1961", "10/05/1960", "27.03.61", "1961-03-27"), read by
// our own rules in every locale. The suite reads English figures the American way (month first)
// and does not read them at all when they are separated by spaces; citizens of the UK, France,
// Belgium and the Netherlands write the day first, so day first is the default and month first
// is the caller's choice (`RecogniseOptions.monthFirst`).
import type { Span } from './types.js';

export interface NumericDate {
  /** YYYY-MM-DD; undefined when the figures are no date ("31 2 1961") or leave the century open. */
  value: string | undefined;
  span: Span;
}

export interface NumericDateOptions {
  asOf: Date;
  monthFirst: boolean;
}

// Figures are not part of a longer run of figures: "1.250.000" or "07 12 3456 78" are no dates.
const BEFORE = String.raw`(?<!\d|\d[/.-])`;
const AFTER = String.raw`(?!\d|[/.-]\d)`;
// Day and month (either order), then the year; one separator kind, repeated: "27 3 1961",
// "27/3/1961", "27 - 03 - 1961", "27.03.61".
const DAY_MONTH_YEAR = new RegExp(
  String.raw`${BEFORE}(\d{1,2})\s*([/.-]|\s)\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})${AFTER}`,
  'g',
);
// Year first is only ever year-month-day (ISO and its cousins): "1961-03-27", "1961/3/27".
const YEAR_MONTH_DAY = new RegExp(String.raw`${BEFORE}(\d{4})([/.-])(\d{1,2})\2(\d{1,2})${AFTER}`, 'g');
// Without a year, only with a slash: "10/05". "3-5" is a range and "3.5" a number.
const DAY_MONTH = new RegExp(String.raw`${BEFORE}(\d{1,2})/(\d{1,2})${AFTER}`, 'g');

/** Four-digit years outside this range are other figures (a phone number), not a date. */
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = 2199;
/** How far back a two-digit year may reach: the oldest people alive (the packs' own bound is 122). */
const TWO_DIGIT_REACH_YEARS = 120;

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC maps years 0–99 to 1900–1999; ours are always four-digit by now.
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date.toISOString().slice(0, 10)
    : undefined;
}

/**
 * Day and month from two figures in the order the citizen writes them. When that order gives no
 * date but the other does ("3/27/1961" from someone writing day first), the other is the only
 * possible reading, so we take it; when neither does ("31 2 1961", "13/13/1961") there is none.
 */
function dayMonth(first: number, second: number, year: number, monthFirst: boolean): string | undefined {
  const [day, month] = monthFirst ? [second, first] : [first, second];
  return iso(year, month, day) ?? iso(year, day, month);
}

/**
 * A two-digit year stands for the one year ending in those digits that is in the past and at most
 * TWO_DIGIT_REACH_YEARS back, so "27.03.61" is 1961. When two centuries both fit ("1.1.20":
 * 1920 or 2020, a 106-year-old or a child) we do not guess: no date, and the dialog asks again
 * with a four-digit example. A silent "2020" could make a pensioner 100 years younger.
 */
function withTwoDigitYear(
  first: number,
  second: number,
  yy: number,
  options: NumericDateOptions,
): string | undefined {
  const today = options.asOf.toISOString().slice(0, 10);
  const thisYear = options.asOf.getUTCFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  const fits = [century + yy, century - 100 + yy, century - 200 + yy]
    .filter((y) => y >= thisYear - TWO_DIGIT_REACH_YEARS)
    .map((y) => dayMonth(first, second, y, options.monthFirst))
    .filter((v): v is string => v !== undefined && v <= today);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Without a year, the latest such day not after `asOf` (as the suite does for "3 March"). */
function withoutYear(first: number, second: number, options: NumericDateOptions): string | undefined {
  const today = options.asOf.toISOString().slice(0, 10);
  const thisYear = options.asOf.getUTCFullYear();
  // Eight years back reaches a leap year for "29/02".
  for (let y = thisYear; y > thisYear - 8; y--) {
    const v = dayMonth(first, second, y, options.monthFirst);
    if (v !== undefined && v <= today) return v;
  }
  return undefined;
}

function spanAt(m: RegExpExecArray): Span {
  return { start: m.index, end: m.index + m[0].length, text: m[0] };
}

function overlapsAny(span: Span, found: NumericDate[]): boolean {
  return found.some((f) => span.start < f.span.end && f.span.start < span.end);
}

/**
 * Every date written in figures, in order of the text. A found date with an undefined value means
 * the citizen wrote figures in the shape of a date that we cannot read as one: the caller should
 * not answer from the rest of the text.
 */
export function numericDates(text: string, options: NumericDateOptions): NumericDate[] {
  const found: NumericDate[] = [];
  for (const m of text.matchAll(YEAR_MONTH_DAY)) {
    const year = Number(m[1]);
    if (year < EARLIEST_YEAR || year > LATEST_YEAR) continue;
    found.push({ value: iso(year, Number(m[3]), Number(m[4])), span: spanAt(m) });
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const span = spanAt(m);
    if (overlapsAny(span, found)) continue;
    const [first, second, yearText] = [Number(m[1]), Number(m[3]), m[4] as string];
    if (yearText.length === 4) {
      const year = Number(yearText);
      if (year < EARLIEST_YEAR || year > LATEST_YEAR) continue;
      found.push({ value: dayMonth(first, second, year, options.monthFirst), span });
    } else {
      // "born 27 3 61": spaces between short figures are too common in sentences ("3 4 50p
      // stamps") to claim them as a date; with a separator the shape is unmistakable.
      if (/\s/.test(m[2] as string)) continue;
      found.push({ value: withTwoDigitYear(first, second, Number(yearText), options), span });
    }
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const span = spanAt(m);
    if (overlapsAny(span, found)) continue;
    // "50/50 care" is not a date, nor a misread one: only claim figures that make a day.
    const value = withoutYear(Number(m[1]), Number(m[2]), options);
    if (value !== undefined) found.push({ value, span });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
