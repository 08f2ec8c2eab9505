// Tokenise and stem per locale with natural's Porter stemmers. Unlike natural's own
// tokenizeAndStem, stop words are kept: "see you" or "not eligible" must not become empty.
import porterEn from 'natural/lib/natural/stemmers/porter_stemmer.js';
import porterFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import porterNl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import { normalise, stripAccents } from './normalise.js';

const STEMMERS: Record<string, { stem(token: string): string }> = {
  en: porterEn,
  fr: porterFr,
  nl: porterNl,
};

/** Locales with a stemmer; others are tokenised without stemming (a generic fallback). */
export const STEMMED_LOCALES = Object.keys(STEMMERS);

/** Words of the normalised text (accents kept). */
export function tokenise(normalised: string): string[] {
  return normalised.length === 0 ? [] : normalised.split(' ');
}

/** Stems of the words, accents stripped. Letters from any script survive (they are just not stemmed). */
export function stems(words: string[], locale: string): string[] {
  return words.map((w) => stemOf(w, locale));
}

// Stemming is the slowest step of reading a text and vocabularies are small: remember the
// stems (bounded, so odd input cannot grow it without limit).
const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

function stemOf(word: string, locale: string): string {
  const key = `${locale}:${word}`;
  let s = memo.get(key);
  if (s === undefined) {
    const stemmer = STEMMERS[locale];
    s = stripAccents(stemmer && /^[a-zà-ÿ']+$/.test(word) ? safeStem(stemmer, word) : word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, s);
  }
  return s;
}

function safeStem(stemmer: { stem(token: string): string }, word: string): string {
  const s = stemmer.stem(word);
  return s.length > 0 ? s : word;
}

/** Normalise, tokenise and stem in one go. */
export function analyse(
  text: string,
  locale: string,
): { normalised: string; words: string[]; stems: string[] } {
  const normalised = normalise(text, locale);
  const words = tokenise(normalised);
  return { normalised, words, stems: stems(words, locale) };
}
