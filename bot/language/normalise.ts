// Per-locale text clean-up before tokenising: lower case, markup and punctuation out, contractions
// spelled out, numbers folded to one token, a few frequent misspellings fixed. Accents are kept
// here because the French and Dutch stemmers rely on them; features strip them afterwards.

/** Messages longer than this are cut: nobody asks a question in more, and work stays bounded. */
export const MAX_INPUT_CHARS = 1000;

/** The token every number becomes, so "67" and "70" look alike to the classifier. */
export const NUMBER_TOKEN = '0';

const CONTRACTIONS: Record<string, [RegExp, string][]> = {
  en: [
    [/\bcan't\b/g, 'can not'],
    [/\bwon't\b/g, 'will not'],
    [/\bain't\b/g, 'is not'],
    [/n't\b/g, ' not'],
    [/\b(i)'m\b/g, '$1 am'],
    [/'re\b/g, ' are'],
    [/'ll\b/g, ' will'],
    [/'ve\b/g, ' have'],
    [/'d\b/g, ' would'],
    [/\b(it|that|what|where|who|how|there|here|he|she|let)'s\b/g, '$1 is'],
  ],
  fr: [
    [/\bqu'/g, 'que '],
    [/\b([cdjlmnst])'/g, '$1e '],
  ],
  nl: [
    [/'t\b/g, ' het'],
    [/\bm'n\b/g, 'mijn'],
    [/\bz'n\b/g, 'zijn'],
    [/\bd'r\b/g, 'haar'],
  ],
};

// Frequent misspellings of ordinary words (not names: those belong to the pack's synonyms).
// Character n-grams absorb most other typos.
const MISSPELLINGS: Record<string, Record<string, string>> = {
  en: {
    recieve: 'receive',
    recieved: 'received',
    beleive: 'believe',
    wich: 'which',
    untill: 'until',
    adress: 'address',
    goverment: 'government',
    aplication: 'application',
    aplly: 'apply',
    elegible: 'eligible',
    eligable: 'eligible',
    benifit: 'benefit',
    benifits: 'benefits',
    pention: 'pension',
    allowence: 'allowance',
    wat: 'what',
    u: 'you',
    ur: 'your',
    pls: 'please',
    plz: 'please',
  },
  fr: { ca: 'ça', sil: "s'il", stp: "s'il te plaît", svp: "s'il vous plaît" },
  nl: { ff: 'even', wanneer: 'wanneer', hoe: 'hoe' },
};

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const TAGS = /<[^>]{0,200}>/g;
const NUMBERS = /\d+(?:[.,]\d+)*/g;
// Anything that is not a letter, a digit, an apostrophe inside a word or a space.
const PUNCTUATION = /[^\p{L}\p{N}'\s]+/gu;
const WHITESPACE = /\s+/;

/**
 * Lower-cased, markup-free, contraction-free text with numbers folded; accents kept.
 * `keepNumbers`: leave numbers as written, for matching answers ("2" must not match "68").
 */
export function normalise(text: string, locale: string, options: { keepNumbers?: boolean } = {}): string {
  let t = text.slice(0, MAX_INPUT_CHARS).normalize('NFC').toLowerCase();
  t = t.replace(TAGS, ' ').replace(APOSTROPHES, "'");
  // Every contraction has an apostrophe: most messages skip the patterns altogether.
  if (t.includes("'"))
    for (const [pattern, replacement] of CONTRACTIONS[locale] ?? []) t = t.replace(pattern, replacement);
  if (!options.keepNumbers) t = t.replace(NUMBERS, ` ${NUMBER_TOKEN} `);
  t = t.replace(PUNCTUATION, ' ').replace(/'/g, ' ');
  const fixes = MISSPELLINGS[locale];
  const words = t.split(WHITESPACE);
  let out = '';
  for (const w of words) {
    if (w.length === 0) continue;
    const fixed = fixes ? (fixes[w] ?? w) : w;
    out = out.length === 0 ? fixed : `${out} ${fixed}`;
  }
  return out;
}

/** Drops diacritics ("prêt" → "pret", "financiële" → "financiele"), for matching and features. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}
