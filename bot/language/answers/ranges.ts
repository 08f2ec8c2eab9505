// Options whose labels are numbers or ranges of numbers ("1 or younger", "2", "3 or 4", "5 to 7"):
// a reply that gives a number ("she's 3", "3 and 7") means the option whose range holds it, not
// the option at that position in the list.
import { recogniseNumbers } from './recognisers.js';
import type { ChoiceOption } from './types.js';

interface NumericRange {
  id: string;
  min: number;
  max: number;
}

// Words after a number that open the range downwards or upwards, per locale.
const BELOW = /\b(or younger|or under|and under|or less|ou moins|of jonger|of minder)\b/i;
const OTHER_UNITS = /\b(months?|weeks?|days?|mois|semaines?|jours?|maand(en)?|weken|dagen)\b/i;
const ABOVE = /\b(or older|or over|and over|or more|ou plus|of ouder|of meer)\b|\+/i;

// What may stand beside the numbers in a label that is only a range ("3 to 4", "5 or older").
const RANGE_WORDS =
  /\b(to|or|and|younger|older|under|over|less|more|years?|old|aged?|ou|à|moins|plus|ans?|of|tot|jonger|ouder|minder|meer|jaar)\b|[-–+]/gi;

function rangeOf(option: ChoiceOption, locale: string): NumericRange | undefined {
  const label = option.labels?.[locale] ?? option.labels?.en ?? '';
  // Money bands ("£16,000 or more") are amounts, not counts; a sentence that happens to hold a
  // number ("Yes, I am 19 or over and in my first year") is not a range either.
  if (/[£$€]|\d[,.]\d/.test(label)) return undefined;
  if (label.replace(/\d+/g, ' ').replace(RANGE_WORDS, ' ').trim().split(/\s+/).filter(Boolean).length > 0) {
    return undefined;
  }
  const numbers = (label.match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 2) return { id: option.id, min: Math.min(...numbers), max: Math.max(...numbers) };
  if (numbers.length !== 1) return undefined;
  const n = numbers[0] as number;
  if (BELOW.test(label)) return { id: option.id, min: -Infinity, max: n };
  if (ABOVE.test(label)) return { id: option.id, min: n, max: Infinity };
  return { id: option.id, min: n, max: n };
}

/**
 * The ranges, when the options are numbers (all but one at most, such as "I am expecting a
 * baby" beside the children's ages); otherwise none (numbers then pick by position).
 */
function numericRanges(choices: ChoiceOption[], locale: string): NumericRange[] {
  const ranges = choices.flatMap((c) => rangeOf(c, locale) ?? []);
  return ranges.length >= 2 && ranges.length >= choices.length - 1 ? ranges : [];
}

/**
 * The options the numbers in a reply fall in; undefined when the options are not numeric, the
 * reply has no number, or a number fits no option (or, for one answer, several options).
 */
export function recogniseInRanges(
  text: string,
  locale: string,
  choices: ChoiceOption[],
  multiple: boolean,
): string[] | undefined {
  const ranges = numericRanges(choices, locale);
  // "6 months" is not 6 in years: with another unit in the reply, do not guess.
  if (ranges.length === 0 || OTHER_UNITS.test(text)) return undefined;
  const numbers = recogniseNumbers(text, locale).map((r) => r.value);
  if (numbers.length === 0) return undefined;
  const ids: string[] = [];
  for (const n of numbers) {
    const hit = ranges.find((r) => n >= r.min && n <= r.max);
    if (!hit) return undefined;
    if (!ids.includes(hit.id)) ids.push(hit.id);
  }
  return multiple || ids.length === 1 ? ids : undefined;
}
