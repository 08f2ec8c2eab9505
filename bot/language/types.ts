// Plain data in and out of the language module: no SDK types cross this boundary.

/** One labelled utterance. `intent` is a topic or intent id, or `none` for out-of-scope. */
export interface TrainingExample {
  text: string;
  intent: string;
  locale: string;
}

/** Thresholds on the calibrated probability of the top intent (set in the pack's settings.json). */
export interface ClassifierSettings {
  /** At or above: answer directly. */
  acceptThreshold: number;
  /** At or above (and below accept): ask "Is your question about X?". Below: not understood. */
  confirmThreshold: number;
  /**
   * Out of scope when the top intent's share of p(top) + p(none) is below this. Absent: 0.5,
   * that is out of scope when `none` outscores the top intent. Tuned on held-out data with
   * out-of-scope examples (`suggestThresholds`); only meaningful when `none` is trained.
   */
  minInScopeShare?: number;
}

/** A phrase that maps to an intent without the classifier: button payloads, commands, names, synonyms. */
export interface ExactPhrase {
  text: string;
  intent: string;
  /** Omitted: matches in every locale (payloads, ids). */
  locale?: string;
}

export type Band = 'accept' | 'confirm' | 'reject';

export interface RankedIntent {
  intent: string;
  score: number;
}

export interface Classification {
  /** The best in-scope intent, or `none` when the message is out of scope or empty. */
  intent: string;
  /** Calibrated probability of `intent` (1 for deterministic matches). */
  score: number;
  band: Band;
  /** Why: `exact` (deterministic), `model`, `none` (out-of-scope class won), `empty` (nothing to read). */
  source: 'exact' | 'model' | 'none' | 'gate' | 'empty';
  /** Top in-scope intents, best first (at most 5). */
  ranking: RankedIntent[];
  /** When the two best intents are close: both, for "Do you mean A or B?". */
  alternatives?: [RankedIntent, RankedIntent];
}

/** The intent used for out-of-scope training examples and answers. */
export const NONE_INTENT = 'none';
