// Multinomial logistic regression over sparse features, trained by stochastic gradient descent
// with L2 regularisation (Bottou's lazy weight scaling keeps each step sparse). Chosen by
// measurement against Bayes and nearest neighbours: see docs/benchmarks.md.
import type { SparseVector } from './features.js';

export interface TrainOptions {
  epochs: number;
  /** Every this many epochs, score all classes; in between, only each example's recent top classes. */
  fullEvery: number;
  /** How many top classes an example keeps as candidates between full epochs. */
  candidates: number;
  /** Initial step size. */
  eta0: number;
  /** L2 strength. */
  lambda: number;
  seed: number;
}

// Gradients smaller than this are not applied: they would move nothing measurable.
const SKIP = 1e-4;
// Measured on CLINC150 validation (docs/benchmarks.md): more epochs, a linearly decaying step or
// tail averaging of the weights gave no better accuracy; 8 epochs match 10.
export const DEFAULT_TRAIN: TrainOptions = {
  epochs: 8,
  fullEvery: 4,
  candidates: 12,
  eta0: 1,
  lambda: 1e-6,
  seed: 7,
};

/** Weights are feature-major (`weights[f * classes + c]`) so a sparse row touches contiguous memory. */
export interface LinearModel {
  classes: number;
  features: number;
  weights: Float32Array;
  bias: Float64Array;
}

/** Small deterministic PRNG (mulberry32): the same data always trains the same model. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Raw class scores (logits) of one vector. */
export function logits(
  model: LinearModel,
  x: SparseVector,
  out: Float64Array = new Float64Array(model.classes),
): Float64Array {
  const C = model.classes;
  const w = model.weights;
  out.fill(0);
  accumulate(out, w, x, C);
  for (let c = 0; c < C; c++) out[c] = (out[c] as number) + (model.bias[c] as number);
  return out;
}

/** out += x · W (the hot loop: kept in its own small function so the engine optimises it well). */
function accumulate(out: Float64Array, w: Float32Array, x: SparseVector, C: number): void {
  const { index, value } = x;
  for (let j = 0; j < index.length; j++) {
    const base = (index[j] as number) * C;
    const v = value[j] as number;
    for (let c = 0; c < C; c++) out[c] = (out[c] as number) + v * (w[base + c] as number);
  }
}

/** In-place softmax at a temperature; returns the same array. */
export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if ((z[c] as number) > max) max = z[c] as number;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp(((z[c] as number) - max) / temperature);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
  return z;
}

/**
 * A trainer that can run in slices (`step(n)`), so the caller can yield to the event loop
 * between slices and training never blocks serving.
 */
export class SgdTrainer {
  readonly model: LinearModel;
  private scale = 1;
  private t = 0;
  private epoch = 0;
  private pos = 0;
  private order: Int32Array;
  private readonly random: () => number;
  private readonly p: Float64Array;
  private readonly active: Int32Array;
  private readonly grad: Float64Array;
  private readonly cand: Int32Array;

  constructor(
    private readonly xs: SparseVector[],
    private readonly ys: Int32Array,
    classes: number,
    features: number,
    private readonly o: TrainOptions = DEFAULT_TRAIN,
  ) {
    this.model = {
      classes,
      features,
      weights: new Float32Array(classes * features),
      bias: new Float64Array(classes),
    };
    this.random = rng(o.seed);
    this.order = this.shuffled();
    this.p = new Float64Array(classes);
    this.active = new Int32Array(classes);
    this.grad = new Float64Array(classes);
    this.cand = new Int32Array(xs.length * Math.min(o.candidates, classes));
  }

  get done(): boolean {
    return this.epoch >= this.o.epochs;
  }

  /** Total and finished example updates, for progress. */
  get progress(): { done: number; total: number } {
    return { done: this.epoch * this.xs.length + this.pos, total: this.o.epochs * this.xs.length };
  }

  private shuffled(): Int32Array {
    const order = Int32Array.from(this.xs.keys());
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    return order;
  }

  /** Runs up to `n` example updates. */
  step(n: number): void {
    const { model, o, p } = this;
    const C = model.classes;
    const w = model.weights;
    for (let k = 0; k < n && !this.done; k++) {
      const i = this.order[this.pos] as number;
      const x = this.xs[i] as SparseVector;
      const y = this.ys[i] as number;
      const eta = o.eta0 / (1 + o.eta0 * o.lambda * this.t);
      // Scores with the lazily scaled weights: all classes in a full epoch (remembering the top
      // ones), else only the remembered candidates; the rest keep a probability of zero. This
      // cuts training time several-fold at no measured cost in accuracy.
      const full = this.epoch % o.fullEvery === 0;
      const K = Math.min(o.candidates, C);
      const cand = this.cand.subarray(i * K, i * K + K);
      if (full) {
        p.fill(0);
        accumulate(p, w, x, C);
        for (let c = 0; c < C; c++) p[c] = (p[c] as number) * this.scale + (model.bias[c] as number);
        topK(p, cand);
        softmax(p);
      } else {
        p.fill(-Infinity);
        for (let a = 0; a < K; a++) p[cand[a] as number] = 0;
        const yIsCandidate = p[y] === 0;
        p[y] = 0;
        for (let j = 0; j < x.index.length; j++) {
          const base = (x.index[j] as number) * C;
          const v = x.value[j] as number;
          for (let a = 0; a < K; a++) {
            const c = cand[a] as number;
            p[c] = (p[c] as number) + v * (w[base + c] as number);
          }
          if (!yIsCandidate) p[y] = (p[y] as number) + v * (w[base + y] as number);
        }
        for (let c = 0; c < C; c++)
          if (p[c] !== -Infinity) p[c] = (p[c] as number) * this.scale + (model.bias[c] as number);
        softmax(p);
      }
      p[y] = (p[y] as number) - 1; // now the gradient of the loss in the logits
      this.scale *= 1 - eta * o.lambda;
      const step = eta / this.scale;
      // Only classes the example says something about get a (sparse) update.
      let active = 0;
      for (let c = 0; c < C; c++) {
        const g = p[c] as number;
        if (g > -SKIP && g < SKIP) continue;
        model.bias[c] = (model.bias[c] as number) - eta * g;
        this.active[active] = c;
        this.grad[active++] = step * g;
      }
      for (let j = 0; j < x.index.length; j++) {
        const base = (x.index[j] as number) * C;
        const v = x.value[j] as number;
        for (let a = 0; a < active; a++) {
          const idx = base + (this.active[a] as number);
          w[idx] = (w[idx] as number) - (this.grad[a] as number) * v;
        }
      }
      if (this.scale < 1e-6) this.rescale();
      this.t++;
      if (++this.pos >= this.order.length) {
        this.pos = 0;
        this.epoch++;
        this.order = this.shuffled();
      }
    }
    if (this.done) this.rescale();
  }

  private rescale(): void {
    const w = this.model.weights;
    for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * this.scale;
    this.scale = 1;
  }
}

/** Writes the indices of the `out.length` largest entries of `z` into `out` (any order). */
function topK(z: Float64Array, out: Int32Array): void {
  const K = out.length;
  for (let a = 0; a < K; a++) out[a] = a;
  let minPos = 0;
  const findMin = (): void => {
    minPos = 0;
    for (let a = 1; a < K; a++)
      if ((z[out[a] as number] as number) < (z[out[minPos] as number] as number)) minPos = a;
  };
  findMin();
  for (let c = K; c < z.length; c++) {
    if ((z[c] as number) > (z[out[minPos] as number] as number)) {
      out[minPos] = c;
      findMin();
    }
  }
}
