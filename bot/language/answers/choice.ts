// Choices in free text: the option's label or synonyms (whole or in part: "housing" picks
// "Housing Benefit" when nothing else fits), or its number ("2", "the second"); countries by
// name in the citizen's language.
import { normalise, stripAccents } from '../normalise.js';
import { recogniseNumbers } from './recognisers.js';
import type { ChoiceOption, Recognised, Span } from './types.js';

const ORDINALS: Record<string, string[]> = {
  en: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  fr: [
    'premier',
    'deuxième',
    'troisième',
    'quatrième',
    'cinquième',
    'sixième',
    'septième',
    'huitième',
    'neuvième',
    'dixième',
  ],
  nl: ['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende'],
};
// Words that say nothing about which option is meant; they never make a partial match alone.
const FILLER: Record<string, Set<string>> = {
  en: new Set([
    'the',
    'a',
    'an',
    'of',
    'and',
    'or',
    'for',
    'to',
    'in',
    'on',
    'my',
    'i',
    'it',
    'is',
    'one',
    'option',
    'number',
    'please',
    'yes',
    'no',
    'not',
  ]),
  fr: new Set([
    'le',
    'la',
    'les',
    'l',
    'un',
    'une',
    'de',
    'des',
    'du',
    'et',
    'ou',
    'pour',
    'à',
    'a',
    'en',
    'mon',
    'ma',
    'je',
    'option',
    'numéro',
    'numero',
    'oui',
    'non',
    'pas',
  ]),
  nl: new Set([
    'de',
    'het',
    'een',
    'van',
    'en',
    'of',
    'voor',
    'in',
    'op',
    'mijn',
    'ik',
    'optie',
    'nummer',
    'ja',
    'nee',
    'niet',
  ]),
};

/** Comparable form: normalised, accent-free words. */
function words(text: string, locale: string): string[] {
  // Numbers stay as written: an option labelled "2" must not match "68".
  const n = stripAccents(normalise(text, locale, { keepNumbers: true }));
  return n.length === 0 ? [] : n.split(' ');
}

function phrasesOf(option: ChoiceOption, locale: string): string[] {
  // Readable ids ("housing_benefit") count as a phrase; codes ("IN") would match ordinary words.
  const id = /^[a-z][a-z0-9_]{2,}$/.test(option.id) ? option.id.replace(/_/g, ' ') : undefined;
  return [id, option.labels?.[locale], option.labels?.en, ...(option.synonyms?.[locale] ?? [])].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
}

/** Where a phrase occurs as whole words in the text (offsets into the original text), or undefined. */
export function findPhrase(text: string, phrase: string, locale: string): Span | undefined {
  const target = words(phrase, locale).join(' ');
  if (target.length === 0) return undefined;
  // Walk the original text word by word so the span points into what the citizen wrote.
  const re = /[\p{L}\p{N}'’]+/gu;
  const tokens: { start: number; end: number; norm: string }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, norm: words(m[0], locale).join(' ') });
  }
  const need = target.split(' ').length;
  for (let i = 0; i < tokens.length; i++) {
    let joined = '';
    for (let j = i; j < tokens.length && j < i + need + 3; j++) {
      joined = joined.length === 0 ? (tokens[j]?.norm ?? '') : `${joined} ${tokens[j]?.norm ?? ''}`;
      if (joined === target) {
        const start = tokens[i]?.start ?? 0;
        const end = tokens[j]?.end ?? start;
        return { start, end, text: text.slice(start, end) };
      }
      if (joined.length > target.length) break;
    }
  }
  return undefined;
}

export interface ChoiceMatchOptions {
  /** The text answers this question directly: numbers and partial matches count. */
  direct?: boolean;
}

/** Options named in full (label or synonym) in the text, each with its first span. */
function namedOptions(text: string, locale: string, choices: ChoiceOption[]): { id: string; span: Span }[] {
  const out: { id: string; span: Span }[] = [];
  for (const option of choices) {
    const spans = phrasesOf(option, locale)
      .map((p) => findPhrase(text, p, locale))
      .filter((s): s is Span => s !== undefined)
      .sort((a, b) => b.end - b.start - (a.end - a.start));
    if (spans[0]) out.push({ id: option.id, span: spans[0] });
  }
  // A match inside a longer match of another option is not a separate mention ("Housing" inside "Housing Benefit").
  return out.filter(
    (a) =>
      !out.some(
        (b) =>
          b !== a &&
          b.span.start <= a.span.start &&
          b.span.end >= a.span.end &&
          b.span.end - b.span.start > a.span.end - a.span.start,
      ),
  );
}

function numberedOption(
  text: string,
  locale: string,
  choices: ChoiceOption[],
): { id: string; span: Span } | undefined {
  const w = words(text, locale).filter((x) => !(FILLER[locale] ?? new Set()).has(x));
  const ordinals = (ORDINALS[locale] ?? []).map(stripAccents);
  if (w.length === 1) {
    const k = ordinals.indexOf(w[0] as string);
    if (k >= 0 && choices[k]) return { id: choices[k].id, span: { start: 0, end: text.length, text } };
  }
  const numbers = recogniseNumbers(text, locale);
  if (numbers.length === 1 && w.length <= 1) {
    const n = (numbers[0] as Recognised<number>).value;
    const option = Number.isInteger(n) ? choices[n - 1] : undefined;
    if (option) return { id: option.id, span: (numbers[0] as Recognised<number>).span };
  }
  return undefined;
}

/** Partial match: every meaningful word of the text belongs to exactly one option's phrases. */
function partialOption(text: string, locale: string, choices: ChoiceOption[]): string | undefined {
  const filler = FILLER[locale] ?? new Set<string>();
  const asked = words(text, locale).filter((x) => !filler.has(x));
  if (asked.length === 0) return undefined;
  const fits = choices.filter((o) => {
    const vocabulary = new Set(phrasesOf(o, locale).flatMap((p) => words(p, locale)));
    return asked.every(
      (w) =>
        vocabulary.has(w) || [...vocabulary].some((v) => v.length >= 4 && w.length >= 4 && v.startsWith(w)),
    );
  });
  return fits.length === 1 ? fits[0]?.id : undefined;
}

/** One option; undefined when none or several fit. */
export function recogniseChoice(
  text: string,
  locale: string,
  choices: ChoiceOption[],
  options: ChoiceMatchOptions = { direct: true },
): Recognised<string> | undefined {
  const named = namedOptions(text, locale, choices);
  if (named.length === 1)
    return {
      value: (named[0] as { id: string }).id,
      span: (named[0] as { span: Span }).span,
      source: 'match',
    };
  if (named.length > 1 || !options.direct) return undefined;
  const numbered = numberedOption(text, locale, choices);
  if (numbered) return { value: numbered.id, span: numbered.span, source: 'match' };
  const partial = partialOption(text, locale, choices);
  return partial
    ? { value: partial, span: { start: 0, end: text.length, text }, source: 'match' }
    : undefined;
}

/** Several options ("housing and council tax", "1 and 3"); undefined when none fit. */
export function recogniseChoices(
  text: string,
  locale: string,
  choices: ChoiceOption[],
  options: ChoiceMatchOptions = { direct: true },
): Recognised<string[]> | undefined {
  const named = namedOptions(text, locale, choices);
  if (named.length === 0 && options.direct) {
    // "1 and 3", "the first and the third": read each part as a numbered option.
    const parts = text
      .split(/,|;|\band\b|\bet\b|\ben\b|&/i)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    const picked = parts.map(
      (p) => numberedOption(p, locale, choices) ?? recogniseChoice(p, locale, choices),
    );
    if (picked.length > 0 && picked.every((p) => p !== undefined)) {
      const ids = [...new Set(picked.map((p) => ('id' in p ? p.id : p.value)))];
      return { value: ids, span: { start: 0, end: text.length, text }, source: 'match' };
    }
    return undefined;
  }
  if (named.length === 0) return undefined;
  const start = Math.min(...named.map((n) => n.span.start));
  const end = Math.max(...named.map((n) => n.span.end));
  return {
    value: named.map((n) => n.id),
    span: { start, end, text: text.slice(start, end) },
    source: 'match',
  };
}

// Country names per locale from the runtime's own ICU data (Intl.DisplayNames): no list to keep.
const countryCache = new Map<string, ChoiceOption[]>();
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function countryOptions(locale: string): ChoiceOption[] {
  let options = countryCache.get(locale);
  if (options) return options;
  options = [];
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const seen = new Set<string>(); // some names have two codes (FR and FX): the first one wins
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (
        !name ||
        name === code ||
        seen.has(name) ||
        /^(?:AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|DD|FX|CS|YU|SU|ZR|TP|BU|NT|YD|AN|DY|HV|NH|RH|VD|EA|IC|DG|CP|TA|AC)$/.test(
          code,
        )
      )
        continue;
      seen.add(name);
      options.push({ id: code, labels: { [locale]: name, en: english.of(code) ?? name } });
    }
  }
  countryCache.set(locale, options);
  return options;
}

/**
 * A country or nation: first the question's own options (e.g. the nations of the UK), then any
 * country by name in the locale or in English, as an ISO 3166 code.
 */
export function recogniseCountry(
  text: string,
  locale: string,
  choices: ChoiceOption[] = [],
  options: ChoiceMatchOptions = { direct: true },
): Recognised<string> | undefined {
  if (choices.length > 0) {
    const own = recogniseChoice(text, locale, choices, options);
    if (own) return own;
  }
  const named = namedOptions(text, locale, countryOptions(locale));
  return named.length === 1
    ? { value: (named[0] as { id: string }).id, span: (named[0] as { span: Span }).span, source: 'match' }
    : undefined;
}
