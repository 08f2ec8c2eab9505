// Turning raw scores into probabilities that mean what they say, and choosing the band
// thresholds from held-out data rather than by feel.
import { pacer } from './pacer.js';
import type { ClassifierSettings } from './types.js';

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

/** The same fit, pausing (yield) about every SLICE_MS (`pacer`), inside passes too. */
export function* fitTemperatureSteps(logits: Float64Array[], gold: number[]): Generator<void, number> {
  if (logits.length === 0) return 1;
  // Negative log-likelihood at temperature t, as log-sum-exp minus the gold logit: no
  // probabilities written out, a third of the work of a softmax per example.
  const due = pacer(64);
  function* nll(t: number): Generator<void, number> {
    let sum = 0;
    for (let i = 0; i < logits.length; i++) {
      if (due()) yield;
      sum += negativeLogLikelihood(logits[i] as Float64Array, gold[i] as number, t);
    }
    return sum;
  }
  // Golden-section search on log T: NLL is unimodal in the temperature.
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 30; k++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    const na = yield* nll(Math.exp(a));
    const nb = yield* nll(Math.exp(b));
    if (na < nb) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

/** −log softmax(z / t)[gold], computed stably. */
function negativeLogLikelihood(z: Float64Array, gold: number, t: number): number {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if ((z[c] as number) > max) max = z[c] as number;
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += Math.exp(((z[c] as number) - max) / t);
  // Floor as before: a gold probability under 1e-12 counts as 1e-12.
  return Math.min(Math.log(sum) + (max - (z[gold] as number)) / t, -Math.log(1e-12));
}

/** One held-out prediction: its top score, whether the top was right, whether the text was in scope. */
export interface ScoredExample {
  score: number;
  correct: boolean;
  inScope: boolean;
  /** The model itself said out-of-scope (the `none` class won). */
  predictedNone: boolean;
  /** Calibrated probability of `none`, when the model has that class. */
  noneScore?: number;
}

export interface ThresholdTargets {
  /** Largest share of in-scope questions we accept to turn away (the not-understood band). */
  maxFalseReject: number;
  /** Share of correct answers wanted among the ones given without confirming. */
  acceptPrecision: number;
}

export const DEFAULT_TARGETS: ThresholdTargets = { maxFalseReject: 0.03, acceptPrecision: 0.97 };

/** The top intent's share of p(top) + p(none): the out-of-scope gate's score (1 without `none`). */
export function inScopeShare(top: number, none: number): number {
  return top + none === 0 ? 0 : top / (top + none);
}

/** The default gate: out of scope when `none` outscores the top intent. */
export const DEFAULT_IN_SCOPE_SHARE = 0.5;

// How the false-reject budget may be split between the out-of-scope gate and the confirm
// threshold; the split that rejects the most out-of-scope held-out questions wins.
const GATE_SHARES = [0, 0.25, 0.5, 0.75, 1];

/**
 * Two ways to turn a question away, both tuned within one false-reject budget: the gate
 * (`minInScopeShare`: the top intent against `none`) and the confirm threshold (the top intent's
 * own probability). On CLINC150 validation the gate tells out-of-scope questions apart better
 * (ROC area 0.98 against 0.96): docs/benchmarks.md. The gate is tuned only when held-out data
 * has out-of-scope examples and a `none` score. The accept threshold is the lowest score above
 * which answers are right at least `acceptPrecision` of the time.
 */
export function tuneThresholds(
  scored: ScoredExample[],
  targets: ThresholdTargets = DEFAULT_TARGETS,
): ClassifierSettings {
  const canGate = scored.some((s) => !s.inScope) && scored.every((s) => s.noneScore !== undefined);
  let best: { settings: ClassifierSettings; oosRejected: number } | undefined;
  for (const gateShare of canGate ? GATE_SHARES : [0]) {
    const gate = canGate ? tuneGate(scored, gateShare * targets.maxFalseReject) : DEFAULT_IN_SCOPE_SHARE;
    const settings = tuneBands(scored, gate, targets);
    if (canGate) settings.minInScopeShare = gate;
    const oosRejected = scored.filter((s) => !s.inScope && rejected(s, settings)).length;
    if (!best || oosRejected > best.oosRejected) best = { settings, oosRejected };
  }
  return (best as { settings: ClassifierSettings }).settings;
}

function share(s: ScoredExample): number {
  return s.predictedNone ? 0 : inScopeShare(s.score, s.noneScore ?? 0);
}

function rejected(s: ScoredExample, settings: ClassifierSettings): boolean {
  return (
    s.predictedNone ||
    share(s) < (settings.minInScopeShare ?? DEFAULT_IN_SCOPE_SHARE) ||
    s.score < settings.confirmThreshold
  );
}

/** The highest gate (at least the default) that turns away at most `budget` of the in-scope questions. */
function tuneGate(scored: ScoredExample[], budget: number): number {
  const inScope = scored.filter((s) => s.inScope);
  const shares = inScope.map(share).sort((a, b) => a - b);
  const allowed = Math.floor(budget * inScope.length + 1e-9);
  let gate = DEFAULT_IN_SCOPE_SHARE;
  // Any gate up to the (allowed + 1)-th lowest share turns away at most `allowed` of them.
  const limit = shares[allowed];
  if (limit !== undefined) gate = Math.max(gate, floor4(limit));
  return gate;
}

/** Confirm and accept thresholds for the questions the gate lets through. */
function tuneBands(scored: ScoredExample[], gate: number, targets: ThresholdTargets): ClassifierSettings {
  const inScope = scored.filter((s) => s.inScope);
  const gated = (s: ScoredExample): boolean => s.predictedNone || share(s) < gate;
  const candidates = [...new Set(scored.map((s) => round(s.score)))].sort((a, b) => a - b);
  let confirmThreshold = 0;
  for (const t of candidates) {
    const rejectedCount = inScope.filter((s) => gated(s) || s.score < t).length;
    if (rejectedCount > targets.maxFalseReject * inScope.length) break;
    confirmThreshold = t;
  }
  // Walk down from the most confident answer, keeping the lowest score at which the answers
  // given so far are still right often enough.
  const answered = scored.filter((s) => !gated(s)).sort((a, b) => b.score - a.score);
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

function floor4(x: number): number {
  return Math.floor(x * 1e4) / 1e4;
}
