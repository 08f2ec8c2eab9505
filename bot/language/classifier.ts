// The intent classifier: deterministic matches first (button payloads, commands, names and
// synonyms, the training utterances themselves), then TF-IDF features into a multinomial
// logistic regression, a calibrated probability, and the accept / confirm / reject bands.
import {
  DEFAULT_VECTORISER,
  Vectoriser,
  type SparseVector,
  type VectoriserOptions,
  type VectoriserState,
} from './features.js';
import {
  DEFAULT_TRAIN,
  SgdTrainer,
  addNaiveBayes,
  logits,
  softmax,
  type LinearModel,
  type TrainOptions,
} from './model.js';
import {
  DEFAULT_IN_SCOPE_SHARE,
  DEFAULT_TARGETS,
  fitTemperatureSteps,
  inScopeShare,
  tuneThresholds,
  type ScoredExample,
  type ThresholdTargets,
} from './calibration.js';
import { normalise, stripAccents } from './normalise.js';
import { pacer } from './pacer.js';
import {
  NONE_INTENT,
  type Classification,
  type ClassifierSettings,
  type ExactPhrase,
  type RankedIntent,
  type TrainingExample,
} from './types.js';

/** Bumped whenever features or model change, so cached models of an older shape are retrained. */
export const MODEL_VERSION = 6;

export interface ClassifierOptions {
  /** Phrases matched before the classifier (payloads, commands, service names, synonyms). */
  exact?: ExactPhrase[];
  vectoriser?: Partial<VectoriserOptions>;
  train?: Partial<TrainOptions>;
  /** Held-out labelled examples to fit the temperature on; without them the temperature is 1. */
  validation?: TrainingExample[];
}

/**
 * Share of a text's character n-grams the model must know when it knows none of its words.
 * On CLINC150 validation the misspelt and slang one-word answers score 0.64 to 1 ("wassup",
 * "affirmitive"), keyboard mashing and unknown abbreviations 0.14 to 0.44 ("asdfgh", "idk").
 */
const MIN_KNOWN_GRAMS = 0.6;

/** Two intents are offered together ("Do you mean A or B?") when the second scores at least this share of the first. */
const CLOSE_RATIO = 0.5;
const RANKING_SIZE = 5;

/** Everything a classifier is, as plain JSON (the cache file). */
export interface ClassifierState {
  version: number;
  labels: string[];
  vectoriser: VectoriserState;
  weights: string; // base64 of the Float32Array
  bias: number[];
  temperature: number;
  /** Held-out predictions from calibration (validation set or a held-out half), for suggesting thresholds. */
  heldOut: ScoredExample[];
  settings: ClassifierSettings;
  /** Exact phrases, already normalised (`locale NUL text`, locale `*` for every locale) → intent. */
  exactIndex: [string, string][];
  /** Raw texts matched as they are (button payloads, ids) → intent. */
  payloads: [string, string][];
}

const ANY_LOCALE = '*';

function exactKey(text: string, locale: string, keyLocale = locale): string {
  return keyOf(keyLocale, stripAccents(normalise(text, locale)));
}

/** The exact-match key of a text already normalised, accents off. */
function keyOf(locale: string, stripped: string): string {
  return `${locale}\u0000${stripped}`;
}

/** The exact-match tables of a phrase list (normalising is the costly part: done once, at training). */
function* exactTables(
  phrases: ExactPhrase[],
  labels: string[],
): Generator<void, { exactIndex: [string, string][]; payloads: [string, string][] }> {
  const exactIndex = yield* sliced(phrases, (p): [string, string] =>
    p.locale === undefined
      ? [exactKey(p.text, 'en', ANY_LOCALE), p.intent]
      : [exactKey(p.text, p.locale), p.intent],
  );
  const payloads: [string, string][] = labels.filter((l) => l !== NONE_INTENT).map((l) => [l, l]);
  for (const p of phrases) if (p.locale === undefined) payloads.push([p.text.trim(), p.intent]);
  return { exactIndex, payloads };
}

export class Classifier {
  private readonly vectoriser: Vectoriser;
  private readonly model: LinearModel;
  private readonly noneIndex: number;
  /** Raw text (payloads, ids) and per-locale normalised text → intent. */
  private readonly payloads: Map<string, string>;
  private readonly phrases: Map<string, string>;
  settings: ClassifierSettings;

  /**
   * `weightsArray` and `vectoriser`: the trained matrix and the fitted vectoriser themselves,
   * when at hand (the state's copies are then not decoded or rebuilt).
   */
  constructor(
    private readonly state: ClassifierState,
    weightsArray?: Float32Array,
    vectoriser?: Vectoriser,
  ) {
    this.vectoriser = vectoriser ?? new Vectoriser(state.vectoriser);
    const weights =
      weightsArray ?? new Float32Array(Uint8Array.from(Buffer.from(state.weights, 'base64')).buffer);
    this.model = {
      classes: state.labels.length,
      features: this.vectoriser.size,
      weights,
      bias: Float64Array.from(state.bias),
    };
    this.noneIndex = state.labels.indexOf(NONE_INTENT);
    this.settings = state.settings;
    this.payloads = new Map(state.payloads);
    this.phrases = new Map(state.exactIndex);
  }

  /**
   * Thresholds tuned on the held-out predictions of calibration (validation set or
   * a held-out half): what to put in the pack's settings.json. Undefined without held-out data.
   */
  suggestThresholds(targets: ThresholdTargets = DEFAULT_TARGETS): ClassifierSettings | undefined {
    return this.state.heldOut.length === 0 ? undefined : tuneThresholds(this.state.heldOut, targets);
  }

  get labels(): readonly string[] {
    return this.state.labels;
  }

  toJSON(): ClassifierState {
    const w = this.model.weights;
    const weights = Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('base64');
    return { ...this.state, weights, settings: this.settings };
  }

  /** Exact phrase or payload match, if any (`stripped`: the text normalised, accents off). */
  private exactMatch(text: string, locale: string, stripped: string): string | undefined {
    const trimmed = text.trim();
    return (
      this.payloads.get(trimmed) ??
      this.phrases.get(keyOf(locale, stripped)) ??
      // Phrases for every locale are normalised as English.
      this.phrases.get(locale === 'en' ? keyOf(ANY_LOCALE, stripped) : exactKey(trimmed, 'en', ANY_LOCALE))
    );
  }

  /** Calibrated probabilities over all labels, or undefined when no known word is present. */
  probabilities(text: string, locale: string): Float64Array | undefined {
    const normalised = normalise(text, locale);
    return this.probabilitiesOf(normalised, stripAccents(normalised), locale);
  }

  private probabilitiesOf(normalised: string, stripped: string, locale: string): Float64Array | undefined {
    const x = this.vectoriser.transformNormalised(normalised, stripped, locale);
    // Not one word we have seen and few familiar letter sequences (other scripts, markup,
    // gibberish): nothing to go on, whatever those few would make the model say. A misspelt
    // word ("affirmitive", "pensoin") still shares most of its letter sequences with the word.
    if (x.index.length === 0 || (x.knownWords === 0 && (x.knownGrams ?? 0) < MIN_KNOWN_GRAMS))
      return undefined;
    return softmax(logits(this.model, x), this.state.temperature);
  }

  /** Raw logits, for calibration. */
  rawLogits(text: string, locale: string): Float64Array {
    return logits(this.model, this.vectoriser.transform(text, locale));
  }

  classify(text: string, locale: string): Classification {
    // Normalised once, for the exact match and the features alike.
    const normalised = normalise(text, locale);
    const stripped = stripAccents(normalised);
    const exact = this.exactMatch(text, locale, stripped);
    if (exact !== undefined) {
      const none = exact === NONE_INTENT;
      return {
        intent: exact,
        score: 1,
        band: none ? 'reject' : 'accept',
        source: none ? 'none' : 'exact',
        ranking: none ? [] : [{ intent: exact, score: 1 }],
      };
    }
    const p = this.probabilitiesOf(normalised, stripped, locale);
    if (p === undefined)
      return { intent: NONE_INTENT, score: 0, band: 'reject', source: 'empty', ranking: [] };
    const ranking = this.rank(p);
    const pNone = this.noneIndex >= 0 ? (p[this.noneIndex] as number) : 0;
    const top = ranking[0];
    const gate = this.settings.minInScopeShare ?? DEFAULT_IN_SCOPE_SHARE;
    if (top === undefined || pNone > top.score)
      return { intent: NONE_INTENT, score: pNone, band: 'reject', source: 'none', ranking };
    // The top intent beats `none`, but not by enough: maybe out of scope, maybe a question put
    // oddly. Rejected all the same, and told apart (`gate`) so the bot can say it is unsure
    // rather than turn the citizen away.
    if (inScopeShare(top.score, pNone) < gate)
      return { intent: NONE_INTENT, score: pNone, band: 'reject', source: 'gate', ranking };
    const { acceptThreshold, confirmThreshold } = this.settings;
    const band =
      top.score >= acceptThreshold ? 'accept' : top.score >= confirmThreshold ? 'confirm' : 'reject';
    const result: Classification = { intent: top.intent, score: top.score, band, source: 'model', ranking };
    const second = ranking[1];
    if (
      band !== 'accept' &&
      second &&
      second.score >= CLOSE_RATIO * top.score &&
      top.score + second.score >= confirmThreshold
    ) {
      result.alternatives = [top, second];
    }
    return result;
  }

  private rank(p: Float64Array): RankedIntent[] {
    const ranking: RankedIntent[] = [];
    for (let c = 0; c < p.length; c++) {
      if (c === this.noneIndex) continue;
      const score = p[c] as number;
      if (ranking.length < RANKING_SIZE || score > (ranking[ranking.length - 1] as RankedIntent).score) {
        ranking.push({ intent: this.state.labels[c] as string, score });
        ranking.sort((a, b) => b.score - a.score);
        if (ranking.length > RANKING_SIZE) ranking.pop();
      }
    }
    return ranking;
  }
}

/**
 * Small packs need more passes to converge (a few hundred utterances see few updates per epoch);
 * large sets need few. Aim at a fixed number of updates, within bounds.
 */
export function epochsFor(examples: number, updates = TARGET_UPDATES): number {
  return Math.max(DEFAULT_TRAIN.epochs, Math.min(MAX_EPOCHS, Math.ceil(updates / Math.max(examples, 1))));
}
// Measured on small CLINC150 subsets (5 to 20 utterances per intent) and the Braun corpora
// (docs/benchmarks.md): 500 updates are as accurate as 1,000, 2,000 or 5,000 (small sets still
// get DEFAULT_TRAIN.epochs passes at least); the calibration model, which only estimates a
// temperature, as good with 250. Small packs train several times faster.
const TARGET_UPDATES = 500;
/** The calibration model only estimates a temperature: it gets fewer updates. */
const CALIBRATION_UPDATES = 250;
const MAX_EPOCHS = 100;

interface Prepared {
  vectoriser: Vectoriser;
  labels: string[];
  /** The training vectors and label indices (reused by calibration). */
  xs: SparseVector[];
  ys: Int32Array;
  /** Training options as used. */
  train: TrainOptions;
  trainer: SgdTrainer;
  exactIndex: [string, string][];
  payloads: [string, string][];
}

/** Prepared training data and a trainer that can run in slices; pauses (yield) every few hundred examples. */
function* prepare(examples: TrainingExample[], options: ClassifierOptions): Generator<void, Prepared> {
  const usable = examples.filter((e) => e.text.trim().length > 0);
  const {
    vectoriser,
    vectors: xs,
    stripped,
  } = yield* Vectoriser.fitInSteps(usable, {
    ...DEFAULT_VECTORISER,
    ...options.vectoriser,
  });
  const labels = [...new Set(usable.map((e) => e.intent))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const ys = Int32Array.from(usable.map((e) => labelIndex.get(e.intent) as number));
  const train: TrainOptions = {
    ...DEFAULT_TRAIN,
    ...options.train,
    epochs: options.train?.epochs ?? epochsFor(xs.length),
  };
  // Pauses around the trainer: its weight matrix is tens of megabytes on large sets (measured:
  // without them, the longest hold of the event loop while training CLINC150 was 50 ms).
  yield;
  const trainer = new SgdTrainer(xs, ys, labels.length, vectoriser.size, train);
  yield;
  // The training utterances themselves are exact matches when they are unambiguous.
  // (A text given with two intents matches neither.)
  const seen = new Map<string, string | null>();
  yield* sliced(usable, (e, i) => {
    const key = keyOf(e.locale, stripped[i] as string);
    const before = seen.get(key);
    seen.set(key, before === undefined || before === e.intent ? e.intent : null);
  });
  const tables = yield* exactTables(options.exact ?? [], labels);
  const fromUtterances = [...seen].filter((entry): entry is [string, string] => entry[1] !== null);
  // Given phrases come last so that they win over an utterance with the same text.
  return {
    vectoriser,
    labels,
    xs,
    ys,
    train,
    trainer,
    exactIndex: [...fromUtterances, ...tables.exactIndex],
    payloads: tables.payloads,
  };
}

function finish(prepared: Prepared, settings: ClassifierSettings, calibration: Calibration): Classifier {
  const { vectoriser, labels, trainer, exactIndex, payloads } = prepared;
  const model = trainer.model;
  const { temperature, heldOut } = calibration;
  const state = {
    version: MODEL_VERSION,
    labels,
    vectoriser: vectoriser.state,
    weights: '',
    bias: [...model.bias],
    temperature,
    heldOut,
    settings,
    exactIndex,
    payloads,
  };
  return new Classifier(state, model.weights, vectoriser);
}

/** Runs a trainer to the end, pausing about every SLICE_MS (`pacer`). */
function* runTrainer(trainer: SgdTrainer): Generator<void, void> {
  const due = pacer(1);
  while (!trainer.done) {
    // Small steps: the first ones run before the engine has optimised the loop, and are slow.
    trainer.step(4);
    if (due()) yield;
  }
}

/** Maps over items, pausing about every SLICE_MS (`pacer`). */
function* sliced<T, U>(items: T[], f: (item: T, index: number) => U): Generator<void, U[]> {
  const out: U[] = [];
  const due = pacer(1);
  for (let i = 0; i < items.length; i++) {
    out.push(f(items[i] as T, i));
    if (due()) yield;
  }
  return out;
}

/**
 * Without a validation set, small packs fit their temperature on half of their own utterances,
 * held out from a model trained on the other half. One half, not two-fold cross-validation:
 * the temperature is one number, and the second fold cost a sixth of small-pack training time.
 */
const CALIBRATION_MAX_EXAMPLES = 3000;

interface Calibration {
  temperature: number;
  /** Held-out predictions at that temperature, for suggesting thresholds. */
  heldOut: ScoredExample[];
}

/** Held-out logits and gold labels → temperature and scored predictions. */
function* calibrate(held: Float64Array[], gold: number[], labels: string[]): Generator<void, Calibration> {
  const temperature = yield* fitTemperatureSteps(held, gold);
  const none = labels.indexOf(NONE_INTENT);
  const indices = held.map((_, i) => i);
  const heldOut = yield* sliced(indices, (i) => {
    const z = held[i] as Float64Array;
    const p = softmax(Float64Array.from(z), temperature);
    let top = -1;
    for (let c = 0; c < p.length; c++)
      if (c !== none && (top < 0 || (p[c] as number) > (p[top] as number))) top = c;
    const score = top < 0 ? 0 : (p[top] as number);
    return {
      score: Math.round(score * 1e4) / 1e4,
      correct: top === gold[i],
      inScope: gold[i] !== none,
      predictedNone: none >= 0 && (p[none] as number) > score,
      ...(none >= 0 ? { noneScore: Math.round((p[none] as number) * 1e4) / 1e4 } : {}),
    };
  });
  return { temperature, heldOut };
}

/**
 * Held-out raw scores for the temperature: the given validation set, or else (for small
 * training sets) every other utterance of each intent, held out from a model trained on the
 * rest. Without either, 1.
 */
function* fitCalibration(
  prepared: Prepared,
  classifier: Classifier,
  options: ClassifierOptions,
): Generator<void, Calibration> {
  const { labels, xs, ys } = prepared;
  const validation = (options.validation ?? []).filter((e) => labels.includes(e.intent));
  if (validation.length > 0) {
    const held = yield* sliced(validation, (e) => classifier.rawLogits(e.text, e.locale));
    return yield* calibrate(
      held,
      validation.map((e) => labels.indexOf(e.intent)),
      labels,
    );
  }
  if (xs.length > CALIBRATION_MAX_EXAMPLES || xs.length < 4) return { temperature: 1, heldOut: [] };
  // Stratified: the 1st, 3rd, 5th… example of each intent is held out. The model reuses the
  // vectors of the full training set (vocabulary and IDF from all of it: a small optimism, the
  // price of not reading every text again).
  const seenPerIntent = new Map<number, number>();
  const heldOutAt = Array.from(ys, (y) => {
    const n = seenPerIntent.get(y) ?? 0;
    seenPerIntent.set(y, n + 1);
    return n % 2 === 0;
  });
  const trainIdx = [...xs.keys()].filter((i) => !heldOutAt[i]);
  const half = trainIdx.map((i) => xs[i] as SparseVector);
  const halfYs = Int32Array.from(trainIdx, (i) => ys[i] as number);
  const trainer = new SgdTrainer(half, halfYs, labels.length, prepared.vectoriser.size, {
    ...prepared.train,
    epochs: options.train?.epochs ?? epochsFor(trainIdx.length, CALIBRATION_UPDATES),
  });
  yield* runTrainer(trainer);
  const { bayesWeight, bayesSmoothing } = prepared.train;
  yield* addNaiveBayes(trainer.model, half, halfYs, bayesWeight, bayesSmoothing);
  const held: Float64Array[] = [];
  const gold: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (!heldOutAt[i]) continue;
    held.push(logits(trainer.model, xs[i] as SparseVector));
    gold.push(ys[i] as number);
  }
  return yield* calibrate(held, gold, labels);
}

/** The whole training as steps: vocabulary, model, calibration. */
function* trainSteps(
  examples: TrainingExample[],
  settings: ClassifierSettings,
  options: ClassifierOptions,
): Generator<void, Classifier> {
  const prepared = yield* prepare(examples, options);
  yield* runTrainer(prepared.trainer);
  const { bayesWeight, bayesSmoothing } = prepared.train;
  yield* addNaiveBayes(prepared.trainer.model, prepared.xs, prepared.ys, bayesWeight, bayesSmoothing);
  const uncalibrated = finish(prepared, settings, { temperature: 1, heldOut: [] });
  const calibration = yield* fitCalibration(prepared, uncalibrated, options);
  return finish(prepared, settings, calibration);
}

/** Trains in one go (blocks; for tools, tests and worker threads). */
export function trainClassifier(
  examples: TrainingExample[],
  settings: ClassifierSettings,
  options: ClassifierOptions = {},
): Classifier {
  const steps = trainSteps(examples, settings, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Trains in slices of about 10 ms, yielding to the event loop between them, so a server keeps
 * answering while it trains. `onSlice` reports each slice's wall and CPU time (the benchmark
 * measures the longest: docs/benchmarks.md).
 */
export async function trainClassifierAsync(
  examples: TrainingExample[],
  settings: ClassifierSettings,
  options: ClassifierOptions = {},
  onSlice?: (slice: { wallMs: number; cpuMs: number }) => void,
): Promise<Classifier> {
  const steps = trainSteps(examples, settings, options);
  for (;;) {
    const wall = performance.now();
    const cpu = onSlice ? process.cpuUsage() : undefined;
    const r = steps.next();
    if (onSlice && cpu) {
      const used = process.cpuUsage(cpu);
      onSlice({ wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 });
    }
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
