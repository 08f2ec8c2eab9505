// Scoring a classifier on labelled lines: the figures `guichet nlu evaluate` and the benchmark
// report (definitions in docs/interfaces: a rejected line counts as `none`).
import { NONE_INTENT, type Band } from './types.js';

export interface Prediction {
  gold: string;
  intent: string;
  band: Band;
  locale: string;
}

export interface EvaluationCounts {
  n: number;
  /** All lines, `none` counted as a class (a rejected line predicts `none`). */
  accuracy: number;
  /** In-scope lines whose top intent is right and not rejected. */
  inScopeAccuracy: number | null;
  /** Out-of-scope lines that were rejected. */
  oosRecall: number | null;
  /** Rejected lines that were out of scope. */
  oosPrecision: number | null;
  /** In-scope lines that were rejected. */
  falseRejectRate: number | null;
  /** Lines in the confirm band. */
  confirmRate: number;
  /** Mean F1 over the gold classes (`none` included when present). */
  macroF1: number;
}

export interface EvaluationReport extends EvaluationCounts {
  perLocale: Record<string, EvaluationCounts>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function predicted(p: Prediction): string {
  return p.band === 'reject' ? NONE_INTENT : p.intent;
}

function counts(preds: Prediction[]): EvaluationCounts {
  const inScope = preds.filter((p) => p.gold !== NONE_INTENT);
  const oos = preds.filter((p) => p.gold === NONE_INTENT);
  const rejected = preds.filter((p) => p.band === 'reject');
  const classes = new Set(preds.map((p) => p.gold));
  let f1Sum = 0;
  for (const c of classes) {
    const tp = preds.filter((p) => p.gold === c && predicted(p) === c).length;
    const fp = preds.filter((p) => p.gold !== c && predicted(p) === c).length;
    const fn = preds.filter((p) => p.gold === c && predicted(p) !== c).length;
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return {
    n: preds.length,
    accuracy: ratio(preds.filter((p) => predicted(p) === p.gold).length, preds.length) ?? 0,
    inScopeAccuracy: ratio(
      inScope.filter((p) => p.band !== 'reject' && p.intent === p.gold).length,
      inScope.length,
    ),
    oosRecall: ratio(oos.filter((p) => p.band === 'reject').length, oos.length),
    oosPrecision:
      oos.length === 0 ? null : ratio(rejected.filter((p) => p.gold === NONE_INTENT).length, rejected.length),
    falseRejectRate: ratio(inScope.filter((p) => p.band === 'reject').length, inScope.length),
    confirmRate: ratio(preds.filter((p) => p.band === 'confirm').length, preds.length) ?? 0,
    macroF1: classes.size === 0 ? 0 : f1Sum / classes.size,
  };
}

export function evaluatePredictions(preds: Prediction[]): EvaluationReport {
  const perLocale: Record<string, EvaluationCounts> = {};
  for (const locale of [...new Set(preds.map((p) => p.locale))].sort()) {
    perLocale[locale] = counts(preds.filter((p) => p.locale === locale));
  }
  return { ...counts(preds), perLocale };
}
