// Text → sparse TF-IDF vector: stemmed words, stemmed word pairs, and character n-grams inside
// word boundaries (they absorb typos and inflections the stemmer misses). Each group is
// L2-normalised on its own, then weighted, so long words do not drown the word features.
import { analyse } from './stem.js';
import { stripAccents } from './normalise.js';

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

/** Feature names of one text, with counts, split by group. */
function terms(
  text: string,
  locale: string,
  o: VectoriserOptions,
): { words: Map<string, number>; chars: Map<string, number> } {
  const { normalised, stems } = analyse(text, locale);
  const words = new Map<string, number>();
  const add = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (let i = 0; i < stems.length; i++) {
    add(words, `w:${stems[i]}`);
    if (i > 0) add(words, `b:${stems[i - 1]} ${stems[i]}`);
  }
  const chars = new Map<string, number>();
  for (const word of stripAccents(normalised).split(' ')) {
    if (word.length === 0) continue;
    const padded = ` ${word} `;
    for (let n = o.charMin; n <= o.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) add(chars, `c:${padded.slice(i, i + n)}`);
    }
  }
  return { words, chars };
}

/** The fitted vocabulary and inverse document frequencies: plain data, serialisable. */
export interface VectoriserState {
  options: VectoriserOptions;
  vocabulary: string[];
  idf: number[];
}

export class Vectoriser {
  private readonly index: Map<string, number>;
  private readonly idf: Float32Array;

  constructor(readonly state: VectoriserState) {
    this.index = new Map(state.vocabulary.map((term, i) => [term, i]));
    this.idf = Float32Array.from(state.idf);
  }

  get size(): number {
    return this.idf.length;
  }

  static fit(
    examples: { text: string; locale: string }[],
    options: VectoriserOptions = DEFAULT_VECTORISER,
  ): Vectoriser {
    const steps = Vectoriser.fitInSteps(examples, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** The same fit, pausing (yield) every few hundred examples so a caller can give way to the event loop. */
  static *fitInSteps(
    examples: { text: string; locale: string }[],
    options: VectoriserOptions,
  ): Generator<void, Vectoriser> {
    const df = new Map<string, number>();
    let started = performance.now();
    for (const ex of examples) {
      if (performance.now() - started > 10) {
        yield;
        started = performance.now();
      }
      const { words, chars } = terms(ex.text, ex.locale, options);
      for (const k of words.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      for (const k of chars.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
    const vocabulary: string[] = [];
    const idf: number[] = [];
    const n = examples.length;
    // First-seen order: the same examples always give the same model (cache and tests rely on
    // it), without a sort that would hold the event loop.
    for (const [term, count] of df) {
      if (performance.now() - started > 10) {
        yield;
        started = performance.now();
      }
      if (count < options.minDocs && !term.startsWith('w:')) continue;
      vocabulary.push(term);
      idf.push(Math.log((1 + n) / (1 + count)) + 1);
    }
    return new Vectoriser({ options, vocabulary, idf });
  }

  transform(text: string, locale: string): SparseVector {
    const o = this.state.options;
    const { words, chars } = terms(text, locale, o);
    const index: number[] = [];
    const value: number[] = [];
    const group = (m: Map<string, number>, weight: number): void => {
      const start = index.length;
      let norm = 0;
      for (const [term, count] of m) {
        const i = this.index.get(term);
        if (i === undefined) continue;
        const v = (1 + Math.log(count)) * (this.idf[i] ?? 0);
        index.push(i);
        value.push(v);
        norm += v * v;
      }
      if (norm === 0) return;
      const scale = weight / Math.sqrt(norm);
      for (let j = start; j < value.length; j++) value[j] = (value[j] ?? 0) * scale;
    };
    group(words, o.wordWeight);
    const knownWords = [...words.keys()].filter((k) => k.startsWith('w:') && this.index.has(k)).length;
    group(chars, o.charWeight);
    return { index: Int32Array.from(index), value: Float32Array.from(value), knownWords };
  }
}
