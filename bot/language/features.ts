// Text → sparse TF-IDF vector: stemmed words, stemmed word pairs, and character n-grams inside
// word boundaries (they absorb typos and inflections the stemmer misses). Each group is
// L2-normalised on its own, then weighted, so long words do not drown the word features.
//
// Character n-grams are the bulk of the work (a 200-character message has about 400), so they
// are never cut out as strings: each is hashed from the character codes as the text is walked
// and looked up in an open-addressing table. The vocabulary keeps them as text all the same
// (`c:abc`), so a saved model stays readable and the table is rebuilt from it on load.
import { stems as stemsOf, tokenise } from './stem.js';
import { normalise, stripAccents } from './normalise.js';

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
  /** How many distinct words (stems) of the text the vocabulary knows: character n-grams alone are no evidence. */
  knownWords?: number;
}

export interface VectoriserOptions {
  /** Character n-gram sizes, inclusive. */
  charMin: number;
  charMax: number;
  /** Weight of the word group against the character group (both L2-normalised first). */
  wordWeight: number;
  charWeight: number;
  /** Features seen in fewer training utterances are dropped (keeps the model small). */
  minDocs: number;
}

export const DEFAULT_VECTORISER: VectoriserOptions = {
  charMin: 3,
  charMax: 4,
  wordWeight: 1,
  charWeight: 1,
  minDocs: 2,
};

const SPACE = 32;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// 30 bits: small integers stay unboxed in Map keys (the fit counts them in a Map).
const HASH_MASK = 0x3fffffff;

/** FNV-1a of `text[from, to)`, 30 bits: the same value the n-gram walk below computes. */
function hashOf(text: string, from = 0, to = text.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return (h >>> 0) & HASH_MASK;
}

/**
 * Calls `visit(hash, start, end)` for each character n-gram of each word of `padded` (a text of
 * words separated by single spaces, with a space at each end): the n-grams of ` word ` for every
 * word, exactly as if each word were padded on its own. An n-gram belongs to one word when no
 * space is strictly inside it.
 */
function walkCharGrams(
  padded: string,
  min: number,
  max: number,
  visit: (hash: number, start: number, end: number) => void,
): void {
  const length = padded.length;
  for (let start = 0; start + min <= length; start++) {
    let h = FNV_OFFSET;
    for (let end = start; end < length && end - start < max; end++) {
      const code = padded.charCodeAt(end);
      // A space after the first character ends this word's n-grams from `start` (it may still
      // close the current one, as the padding after the word).
      h = Math.imul(h ^ code, FNV_PRIME);
      const n = end - start + 1;
      if (n >= min) visit((h >>> 0) & HASH_MASK, start, end + 1);
      if (code === SPACE && end > start) break;
    }
  }
}

/** Words and word pairs (as feature names, with counts) and the text the n-grams are walked on. */
function read(
  normalised: string,
  stripped: string,
  locale: string,
): { words: Map<string, number>; padded: string } {
  const stems = stemsOf(tokenise(normalised), locale);
  const words = new Map<string, number>();
  const add = (k: string): void => {
    words.set(k, (words.get(k) ?? 0) + 1);
  };
  for (let i = 0; i < stems.length; i++) {
    add(`w:${stems[i]}`);
    if (i > 0) add(`b:${stems[i - 1]} ${stems[i]}`);
  }
  return { words, padded: stripped.length === 0 ? '' : ` ${stripped} ` };
}

/** The fitted vocabulary and inverse document frequencies: plain data, serialisable. */
export interface VectoriserState {
  options: VectoriserOptions;
  vocabulary: string[];
  idf: number[];
}

/** Open-addressing table from n-gram hash to feature index (-1: none). */
class HashTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  set(key: number, value: number): void {
    let slot = key & this.mask;
    while (this.values[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  get(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const v = this.values[slot] as number;
      if (v === -1 || this.keys[slot] === key) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class Vectoriser {
  private readonly index: Map<string, number>;
  private readonly grams: HashTable;
  private readonly idf: Float32Array;
  /** Per-call scratch: n-gram counts by feature index, and which indices were touched. */
  private readonly counts: Float64Array;
  private touched: Int32Array;

  constructor(readonly state: VectoriserState) {
    this.index = new Map();
    const chars = state.vocabulary.filter((t) => t.startsWith('c:')).length;
    this.grams = new HashTable(chars);
    state.vocabulary.forEach((term, i) => {
      if (term.startsWith('c:')) this.grams.set(hashOf(term, 2), i);
      else this.index.set(term, i);
    });
    this.idf = Float32Array.from(state.idf);
    this.counts = new Float64Array(this.idf.length);
    this.touched = new Int32Array(256);
  }

  get size(): number {
    return this.idf.length;
  }

  static fit(
    examples: { text: string; locale: string }[],
    options: VectoriserOptions = DEFAULT_VECTORISER,
  ): Vectoriser {
    return run(Vectoriser.fitInSteps(examples, options)).vectoriser;
  }

  /**
   * The fit, pausing (yield) about every 10 ms so a caller can give way to the event loop.
   * Also returns the examples' own vectors: each text is read once, not once to fit and again
   * to transform.
   */
  static *fitInSteps(
    examples: { text: string; locale: string }[],
    options: VectoriserOptions,
  ): Generator<void, { vectoriser: Vectoriser; vectors: SparseVector[] }> {
    const df = new Map<string, number>();
    const gramDf = new Map<number, number>();
    const gramText = new Map<number, string>();
    const texts: { words: Map<string, number>; grams: number[] }[] = [];
    let started = performance.now();
    for (const ex of examples) {
      if (performance.now() - started > 10) {
        yield;
        started = performance.now();
      }
      const normalised = normalise(ex.text, ex.locale);
      const { words, padded } = read(normalised, stripAccents(normalised), ex.locale);
      for (const k of words.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      const grams: number[] = [];
      const seen = new Set<number>();
      walkCharGrams(padded, options.charMin, options.charMax, (h, start, end) => {
        grams.push(h);
        if (seen.has(h)) return;
        seen.add(h);
        const before = gramDf.get(h);
        if (before === undefined) gramText.set(h, padded.slice(start, end));
        gramDf.set(h, (before ?? 0) + 1);
      });
      texts.push({ words, grams });
    }
    const vocabulary: string[] = [];
    const idf: number[] = [];
    const n = examples.length;
    const idfOf = (count: number): number => Math.log((1 + n) / (1 + count)) + 1;
    // First-seen order: the same examples always give the same model (cache and tests rely on
    // it), without a sort that would hold the event loop. Every word is kept (a rare word is
    // still a word); word pairs and n-grams only when seen in minDocs utterances.
    for (const [term, count] of df) {
      if (count < options.minDocs && !term.startsWith('w:')) continue;
      vocabulary.push(term);
      idf.push(idfOf(count));
    }
    for (const [h, count] of gramDf) {
      if (count < options.minDocs) continue;
      vocabulary.push(`c:${gramText.get(h) as string}`);
      idf.push(idfOf(count));
    }
    yield;
    const vectoriser = new Vectoriser({ options, vocabulary, idf });
    const vectors: SparseVector[] = [];
    started = performance.now();
    for (const r of texts) {
      if (performance.now() - started > 10) {
        yield;
        started = performance.now();
      }
      vectors.push(vectoriser.vectorise(r.words, r.grams));
    }
    return { vectoriser, vectors };
  }

  transform(text: string, locale: string): SparseVector {
    const normalised = normalise(text, locale);
    return this.transformNormalised(normalised, stripAccents(normalised), locale);
  }

  /** The same from text already normalised (`normalise`), with and without accents: the classifier has both at hand. */
  transformNormalised(normalised: string, stripped: string, locale: string): SparseVector {
    const o = this.state.options;
    const { words, padded } = read(normalised, stripped, locale);
    const grams: number[] = [];
    walkCharGrams(padded, o.charMin, o.charMax, (h) => grams.push(h));
    return this.vectorise(words, grams);
  }

  /** Words with counts and n-gram hashes (repeats counted) → the weighted, normalised vector. */
  private vectorise(words: Map<string, number>, grams: number[]): SparseVector {
    const o = this.state.options;
    const index: number[] = [];
    const value: number[] = [];
    const scale = (start: number, norm: number, weight: number): void => {
      if (norm === 0) return;
      const s = weight / Math.sqrt(norm);
      for (let j = start; j < value.length; j++) value[j] = (value[j] ?? 0) * s;
    };
    let norm = 0;
    let knownWords = 0;
    for (const [term, count] of words) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      if (term.startsWith('w:')) knownWords++;
      const v = (1 + Math.log(count)) * (this.idf[i] as number);
      index.push(i);
      value.push(v);
      norm += v * v;
    }
    scale(0, norm, o.wordWeight);
    // Count the known n-grams in the scratch array, then read them back in first-seen order.
    if (this.touched.length < grams.length) this.touched = new Int32Array(grams.length);
    let touched = 0;
    for (const h of grams) {
      const i = this.grams.get(h);
      if (i < 0) continue;
      if (this.counts[i] === 0) this.touched[touched++] = i;
      this.counts[i] = (this.counts[i] as number) + 1;
    }
    const start = index.length;
    norm = 0;
    for (let t = 0; t < touched; t++) {
      const i = this.touched[t] as number;
      const v = (1 + Math.log(this.counts[i] as number)) * (this.idf[i] as number);
      this.counts[i] = 0;
      index.push(i);
      value.push(v);
      norm += v * v;
    }
    scale(start, norm, o.charWeight);
    return { index: Int32Array.from(index), value: Float32Array.from(value), knownWords };
  }
}

/** Runs a generator of steps to the end without pausing. */
function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
