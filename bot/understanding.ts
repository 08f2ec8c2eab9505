import type { Classifier } from './language/index.js';

/**
 * What the root dialog asks of language understanding: which intent or topic a message is
 * about, and how sure we are. The classifier in bot/language provides it; the interface keeps
 * dialogs independent of how it is done.
 */
export type Band = 'accept' | 'confirm' | 'reject';

export interface Understood {
  /** A topic or conversation intent id from the pack, or `none`. */
  intent: string;
  score: number;
  band: Band;
  /**
   * Why: `exact` (a known phrase), `model` (the classifier), `none` (the message is about
   * something we do not cover), `empty` (nothing to read).
   */
  source?: 'exact' | 'model' | 'none' | 'gate' | 'empty';
  /** Two close candidates, for "Do you mean A or B?". */
  alternatives?: [string, string];
}

export interface Understanding {
  understand(text: string, locale: string): Understood;
}

/**
 * Deterministic understanding: a message that is exactly one of the pack's utterances (after
 * folding case, accents and punctuation) gets that intent; anything else is not understood.
 * It serves until the classifier is trained, and first in line after that.
 */
export function exactUtterances(utterances: ReadonlyArray<{ intent: string; text: string }>): Understanding {
  const byText = new Map<string, string>();
  for (const { intent, text } of utterances) byText.set(fold(text), intent);
  return {
    understand(text) {
      const intent = byText.get(fold(text));
      return intent
        ? { intent, score: 1, band: 'accept', source: 'exact' }
        : { intent: 'none', score: 0, band: 'reject', source: 'empty' };
    },
  };
}

/** Case, accents and punctuation folded away, for comparing typed text with phrases and labels. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Language understanding by the pack's trained classifier (bot/language). */
export function classifierUnderstanding(classifier: Classifier): Understanding {
  return {
    understand(text, locale) {
      const result = classifier.classify(text, locale);
      const [first, second] = result.alternatives ?? [];
      return {
        intent: result.intent,
        score: result.score,
        band: result.band,
        source: result.source,
        ...(first && second ? { alternatives: [first.intent, second.intent] as [string, string] } : {}),
      };
    },
  };
}
