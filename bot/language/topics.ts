// The knowledge pack's topic files → training examples and exact phrases for the classifier.
import { NONE_INTENT, type ExactPhrase, type TrainingExample } from './types.js';

/** The shape of one `topics/<locale>.json` file (only the fields the classifier reads). */
export interface TopicFile {
  locale: string;
  topics?: { id: string; utterances?: string[]; synonyms?: string[] }[];
  intents?: { id: string; utterances?: string[] }[];
  outOfScope?: string[];
}

/** Utterances of topics and intents, plus out-of-scope examples labelled `none`. */
export function trainingExamples(files: TopicFile[]): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const f of files) {
    const add = (text: string, intent: string): void => {
      out.push({ text, intent, locale: f.locale });
    };
    for (const t of f.topics ?? []) for (const u of t.utterances ?? []) add(u, t.id);
    for (const i of f.intents ?? []) for (const u of i.utterances ?? []) add(u, i.id);
    for (const u of f.outOfScope ?? []) add(u, NONE_INTENT);
  }
  return out;
}

/**
 * Service names and synonyms match their topic exactly, before the classifier; synonyms also
 * train the model (a citizen may write "pension credit help" around them).
 */
export function exactPhrases(files: TopicFile[]): ExactPhrase[] {
  const out: ExactPhrase[] = [];
  for (const f of files) {
    for (const t of f.topics ?? [])
      for (const s of t.synonyms ?? []) out.push({ text: s, intent: t.id, locale: f.locale });
  }
  return out;
}

/** Synonyms as extra training examples. */
export function synonymExamples(files: TopicFile[]): TrainingExample[] {
  return exactPhrases(files).map((p) => ({ text: p.text, intent: p.intent, locale: p.locale ?? 'en' }));
}
