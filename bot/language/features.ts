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
import { pacer } from './pacer.js';

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
  /** How many distinct words (stems) of the text the vocabulary knows. */
  knownWords?: number;
  /** Share of the text's character n-grams the vocabulary knows (0 to 1). */
  knownGrams?: number;
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

/** Where `walkCharGrams` writes: each n-gram's hash and where it starts and ends in the text. */
interface GramBuffer {
  hashes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

function gramBuffer(size: number): GramBuffer {
  return { hashes: new Int32Array(size), starts: new Int32Array(size), ends: new Int32Array(size) };
}

/**
 * Writes each character n-gram of each word of `padded` (a text of words separated by single
 * spaces, with a space at each end) into `out`, and returns how many: the n-grams of ` word `
 * for every word, exactly as if each word were padded on its own. An n-gram belongs to one word
 * when no space is strictly inside it. Grows `out` when it is too small. (No callback: a closure
 * per n-gram was a tenth of the serving time.)
 */
function walkCharGrams(padded: string, min: number, max: number, out: { buffer: GramBuffer }): number {
  const length = padded.length;
  // At most max - min + 1 n-grams start at each character.
  const most = length * (max - min + 1);
  if (out.buffer.hashes.length < most) out.buffer = gramBuffer(most * 2);
  const { hashes, starts, ends } = out.buffer;
  let count = 0;
  for (let start = 0; start + min <= length; start++) {
    let h = FNV_OFFSET;
    for (let end = start; end < length && end - start < max; end++) {
      const code = padded.charCodeAt(end);
      // A space after the first character ends this word's n-grams from `start` (it may still
      // close the current one, as the padding after the word).
      h = Math.imul(h ^ code, FNV_PRIME);
      if (end - start + 1 >= min) {
        hashes[count] = (h >>> 0) & HASH_MASK;
        starts[count] = start;
        ends[count++] = end + 1;
      }
      if (code === SPACE && end > start) break;
    }
  }
  return count;
}

/** Words and word pairs (as feature names, with counts) and the text the n-grams are walked on. */
function read(
  normalised: string,
  stripped: string,
  locale: string,
): { words: Map<string, number>; padded: string } {
  const stems = stemsOf(tokenise(normalised), locale);
  const words = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) {
    const word = `w:${stems[i]}`;
    words.set(word, (words.get(word) ?? 0) + 1);
    if (i === 0) continue;
    const pair = `b:${stems[i - 1]} ${stems[i]}`;
    words.set(pair, (words.get(pair) ?? 0) + 1);
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

/** A vectoriser's lookup tables: words and word pairs by name, n-grams by hash. */
interface LookupTables {
  index: Map<string, number>;
  grams: HashTable;
}

/** Builds the lookup tables of a vocabulary, pausing (yield) about every 10 ms: large packs have 100,000 terms. */
function* tablesInSteps(state: VectoriserState): Generator<void, LookupTables> {
  const index = new Map<string, number>();
  let chars = 0;
  for (const term of state.vocabulary) if (term.startsWith('c:')) chars++;
  const grams = new HashTable(chars);
  const due = pacer();
  for (let i = 0; i < state.vocabulary.length; i++) {
    if (due()) yield;
    const term = state.vocabulary[i] as string;
    if (term.startsWith('c:')) grams.set(hashOf(term, 2), i);
    else index.set(term, i);
  }
  return { index, grams };
}

export class Vectoriser {
  private readonly index: Map<string, number>;
  private readonly grams: HashTable;
  private readonly idf: Float32Array;
  /** Per-call scratch: n-gram counts by feature index, and which indices were touched. */
  private readonly counts: Float64Array;
  private touched: Int32Array;
  /** Per-call scratch: the n-gram walk and the vector being built. */
  private readonly walk = { buffer: gramBuffer(256) };
  private outIndex = new Int32Array(256);
  private outValue = new Float64Array(256);

  /** `tables`: the lookup tables, when already built in steps (`tablesInSteps`). */
  constructor(
    readonly state: VectoriserState,
    tables: LookupTables = run(tablesInSteps(state)),
  ) {
    this.index = tables.index;
    this.grams = tables.grams;
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
   * Also returns the examples' own vectors and normalised texts (accents off): each text is
   * read once, not once to fit, again to transform and again for the exact matches.
   */
  static *fitInSteps(
    examples: { text: string; locale: string }[],
    options: VectoriserOptions,
  ): Generator<void, { vectoriser: Vectoriser; vectors: SparseVector[]; stripped: string[] }> {
    const df = new Map<string, number>();
    const gramDf = new Map<number, number>();
    const gramText = new Map<number, string>();
    const texts: { words: Map<string, number>; grams: Int32Array }[] = [];
    const walk = { buffer: gramBuffer(256) };
    const strippedTexts: string[] = [];
    const eachText = pacer(1);
    for (const ex of examples) {
      if (eachText()) yield;
      const normalised = normalise(ex.text, ex.locale);
      const stripped = stripAccents(normalised);
      strippedTexts.push(stripped);
      const { words, padded } = read(normalised, stripped, ex.locale);
      for (const k of words.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      const count = walkCharGrams(padded, options.charMin, options.charMax, walk);
      const { hashes, starts, ends } = walk.buffer;
      const grams = hashes.slice(0, count);
      const seen = new Set<number>();
      for (let g = 0; g < count; g++) {
        const h = hashes[g] as number;
        if (seen.has(h)) continue;
        seen.add(h);
        const before = gramDf.get(h);
        if (before === undefined) gramText.set(h, padded.slice(starts[g], ends[g]));
        gramDf.set(h, (before ?? 0) + 1);
      }
      texts.push({ words, grams });
    }
    const vocabulary: string[] = [];
    const idf: number[] = [];
    const n = examples.length;
    const idfOf = (count: number): number => Math.log((1 + n) / (1 + count)) + 1;
    // First-seen order: the same examples always give the same model (cache and tests rely on
    // it), without a sort that would hold the event loop. Every word is kept (a rare word is
    // still a word); word pairs and n-grams only when seen in minDocs utterances.
    const due = pacer();
    for (const [term, count] of df) {
      if (due()) yield;
      if (count < options.minDocs && !term.startsWith('w:')) continue;
      vocabulary.push(term);
      idf.push(idfOf(count));
    }
    for (const [h, count] of gramDf) {
      if (due()) yield;
      if (count < options.minDocs) continue;
      vocabulary.push(`c:${gramText.get(h) as string}`);
      idf.push(idfOf(count));
    }
    // Always one pause here, whatever the size: a caller training in steps gives way at least once.
    yield;
    const state = { options, vocabulary, idf };
    const vectoriser = new Vectoriser(state, yield* tablesInSteps(state));
    const vectors: SparseVector[] = [];
    const eachVector = pacer(1);
    for (const r of texts) {
      if (eachVector()) yield;
      vectors.push(vectoriser.vectorise(r.words, r.grams, r.grams.length));
    }
    return { vectoriser, vectors, stripped: strippedTexts };
  }

  transform(text: string, locale: string): SparseVector {
    const normalised = normalise(text, locale);
    return this.transformNormalised(normalised, stripAccents(normalised), locale);
  }

  /** The same from text already normalised (`normalise`), with and without accents: the classifier has both at hand. */
  transformNormalised(normalised: string, stripped: string, locale: string): SparseVector {
    const o = this.state.options;
    const { words, padded } = read(normalised, stripped, locale);
    const count = walkCharGrams(padded, o.charMin, o.charMax, this.walk);
    return this.vectorise(words, this.walk.buffer.hashes, count);
  }

  /** Words with counts and the first `count` n-gram hashes (repeats counted) → the weighted, normalised vector. */
  private vectorise(words: Map<string, number>, grams: Int32Array, count: number): SparseVector {
    const o = this.state.options;
    const most = words.size + count;
    if (this.outIndex.length < most) {
      this.outIndex = new Int32Array(most * 2);
      this.outValue = new Float64Array(most * 2);
    }
    const index = this.outIndex;
    const value = this.outValue;
    let m = 0;
    let norm = 0;
    let knownWords = 0;
    for (const [term, n] of words) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      if (term.startsWith('w:')) knownWords++;
      const v = tf(n) * (this.idf[i] as number);
      index[m] = i;
      value[m++] = v;
      norm += v * v;
    }
    scale(value, 0, m, norm, o.wordWeight);
    // Count the known n-grams in the scratch array, then read them back in first-seen order.
    if (this.touched.length < count) this.touched = new Int32Array(count);
    let touched = 0;
    let known = 0;
    for (let g = 0; g < count; g++) {
      const i = this.grams.get(grams[g] as number);
      if (i < 0) continue;
      known++;
      if (this.counts[i] === 0) this.touched[touched++] = i;
      this.counts[i] = (this.counts[i] as number) + 1;
    }
    const start = m;
    norm = 0;
    for (let t = 0; t < touched; t++) {
      const i = this.touched[t] as number;
      const v = tf(this.counts[i] as number) * (this.idf[i] as number);
      this.counts[i] = 0;
      index[m] = i;
      value[m++] = v;
      norm += v * v;
    }
    scale(value, start, m, norm, o.charWeight);
    return {
      index: index.slice(0, m),
      value: Float32Array.from(value.subarray(0, m)),
      knownWords,
      knownGrams: count === 0 ? 0 : known / count,
    };
  }
}

/** Sublinear term frequency: 1 + log(count). */
function tf(count: number): number {
  return count === 1 ? 1 : 1 + Math.log(count);
}

/** Scales `value[from, to)` to length `weight`, given its squared norm. */
function scale(value: Float64Array, from: number, to: number, norm: number, weight: number): void {
  if (norm === 0) return;
  const s = weight / Math.sqrt(norm);
  for (let j = from; j < to; j++) value[j] = (value[j] as number) * s;
}

/** Runs a generator of steps to the end without pausing. */
function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
