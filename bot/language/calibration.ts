// Turning raw scores into probabilities that mean what they say, and choosing the band
// thresholds from held-out data rather than by feel.
import { softmax } from './model.js';

/**
 * Temperature scaling (Guo et al. 2017): one number that divides the logits, fitted on held-out
 * examples by minimising their negative log-likelihood. It changes no prediction, only how sure
 * the model says it is. `gold[i]` is the index of the right class of `logits[i]`.
 */
export function fitTemperature(logits: Float64Array[], gold: number[]): number {
  const steps = fitTemperatureSteps(logits, gold);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The same fit, pausing (yield) after each pass over the examples. */
export function* fitTemperatureSteps(logits: Float64Array[], gold: number[]): Generator<void, number> {
  if (logits.length === 0) return 1;
  const nll = (t: number): number => {
    let sum = 0;
    const z = new Float64Array(logits[0]?.length ?? 0);
    logits.forEach((l, i) => {
      z.set(l);
      softmax(z, t);
      sum -= Math.log(Math.max(z[gold[i] as number] as number, 1e-12));
    });
    return sum;
  };
  // Golden-section search on log T: NLL is unimodal in the temperature.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 30; k++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    const na = nll(Math.exp(a));
    yield;
    const nb = nll(Math.exp(b));
    yield;
    if (na < nb) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** One held-out prediction: its top score, whether the top was right, whether the text was in scope. */
export interface ScoredExample {
  score: number;
  correct: boolean;
  inScope: boolean;
  /** The model itself said out-of-scope (the `none` class won). */
  predictedNone: boolean;
}

export interface ThresholdTargets {
  /** Largest share of in-scope questions we accept to turn away (the not-understood band). */
  maxFalseReject: number;
  /** Share of correct answers wanted among the ones given without confirming. */
  acceptPrecision: number;
}

export const DEFAULT_TARGETS: ThresholdTargets = { maxFalseReject: 0.03, acceptPrecision: 0.97 };

/**
 * The confirm threshold is the highest score that turns away at most `maxFalseReject` of the
 * in-scope questions (so it rejects as many out-of-scope ones as that budget allows); the accept
 * threshold is the lowest score above which answers are right at least `acceptPrecision` of the time.
 */
export function tuneThresholds(
  scored: ScoredExample[],
  targets: ThresholdTargets = DEFAULT_TARGETS,
): { acceptThreshold: number; confirmThreshold: number } {
  const inScope = scored.filter((s) => s.inScope);
  const candidates = [...new Set(scored.map((s) => round(s.score)))].sort((a, b) => a - b);
  let confirmThreshold = 0;
  for (const t of candidates) {
    const rejected = inScope.filter((s) => s.predictedNone || s.score < t).length;
    if (rejected > targets.maxFalseReject * inScope.length) break;
    confirmThreshold = t;
  }
  // Walk down from the most confident answer, keeping the lowest score at which the answers
  // given so far are still right often enough.
  const answered = scored.filter((s) => !s.predictedNone).sort((a, b) => b.score - a.score);
  let acceptThreshold = 1;
  let right = 0;
  answered.forEach((s, k) => {
    if (s.inScope && s.correct) right++;
    const next = answered[k + 1];
    const atBoundary = next === undefined || round(next.score) < round(s.score);
    if (atBoundary && round(s.score) >= confirmThreshold && right >= targets.acceptPrecision * (k + 1)) {
      acceptThreshold = round(s.score);
    }
  });
  return { acceptThreshold, confirmThreshold };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
