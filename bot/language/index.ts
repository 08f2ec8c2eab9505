// Language understanding for Guichet: plain functions over plain data (no SDK imports).
export * from './types.js';
export { normalise, stripAccents, MAX_INPUT_CHARS } from './normalise.js';
export { analyse, tokenise, stems } from './stem.js';
export {
  Classifier,
  trainClassifier,
  trainClassifierAsync,
  MODEL_VERSION,
  type ClassifierOptions,
  type ClassifierState,
} from './classifier.js';
export {
  fitTemperature,
  tuneThresholds,
  DEFAULT_TARGETS,
  type ScoredExample,
  type ThresholdTargets,
} from './calibration.js';
export { loadOrTrain, hashTrainingData, cacheFile, type LoadOrTrainResult } from './cache.js';
export { trainingExamples, exactPhrases, synonymExamples, type TopicFile } from './topics.js';
export * from './answers/index.js';
export {
  evaluatePredictions,
  type Prediction,
  type EvaluationReport,
  type EvaluationCounts,
} from './evaluate.js';
export { packTraining, type PackView, type PackTraining } from './pack-training.js';
export { rng } from './model.js';
export { holdOut } from './split.js';
