// What the classifier learns from a loaded knowledge pack: utterances, synonyms and
// out-of-scope examples from every locale's topics file, and the thresholds from settings.
import { exactPhrases, synonymExamples, trainingExamples, type TopicFile } from './topics.js';
import type { ClassifierSettings, ExactPhrase, TrainingExample } from './types.js';

/** The slice of a knowledge pack this module reads (bot/knowledge's KnowledgePack fits it). */
export interface PackView {
  readonly hash: string;
  readonly topics: Readonly<Record<string, TopicFile>>;
  readonly settings: { readonly nlu: ClassifierSettings };
}

export interface PackTraining {
  examples: TrainingExample[];
  exact: ExactPhrase[];
  settings: ClassifierSettings;
  hash: string;
}

export function packTraining(pack: PackView): PackTraining {
  const files = Object.values(pack.topics);
  return {
    examples: [...trainingExamples(files), ...synonymExamples(files)],
    exact: exactPhrases(files),
    settings: {
      acceptThreshold: pack.settings.nlu.acceptThreshold,
      confirmThreshold: pack.settings.nlu.confirmThreshold,
      ...(pack.settings.nlu.minInScopeShare !== undefined && {
        minInScopeShare: pack.settings.nlu.minInScopeShare,
      }),
    },
    hash: pack.hash,
  };
}
