// A trained classifier saved under the pack's content hash, so a restart loads it instead of
// retraining. The file name carries the model version too: a code change that alters the
// model's shape never loads an old file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import {
  Classifier,
  MODEL_VERSION,
  trainClassifierAsync,
  type ClassifierOptions,
  type ClassifierState,
} from './classifier.js';
import type { ClassifierSettings, TrainingExample } from './types.js';

/** A stable hash of training data and options, for callers that have no pack hash at hand. */
export function hashTrainingData(examples: TrainingExample[], options: ClassifierOptions = {}): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      examples,
      exact: options.exact ?? [],
      v: options.vectoriser ?? {},
      t: options.train ?? {},
    }),
  );
  return h.digest('hex').slice(0, 32);
}

export function cacheFile(cacheDir: string, hash: string): string {
  return join(cacheDir, `classifier-v${MODEL_VERSION}-${hash.replace(/[^A-Za-z0-9_-]/g, '')}.json`);
}

export interface LoadOrTrainResult {
  classifier: Classifier;
  /** `cache`: loaded from disk; `trained`: trained now (and saved when possible). */
  from: 'cache' | 'trained';
}

/**
 * Loads the classifier saved for `hash`, or trains one (off the request path: in slices that
 * yield to the event loop) and saves it. Thresholds always come from `settings`, so editing
 * them in the pack takes effect without retraining. A cache that cannot be read or written
 * never stops the bot: it trains, and the error is only a missed save.
 */
export async function loadOrTrain(
  examples: TrainingExample[],
  settings: ClassifierSettings,
  hash: string,
  cacheDir: string,
  options: ClassifierOptions = {},
): Promise<LoadOrTrainResult> {
  const file = cacheFile(cacheDir, hash);
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as ClassifierState;
    if (state.version === MODEL_VERSION)
      return { classifier: new Classifier({ ...state, settings }), from: 'cache' };
  } catch {
    // No usable cache: train below.
  }
  const classifier = await trainClassifierAsync(examples, settings, options);
  try {
    await mkdir(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(classifier.toJSON()));
    await rename(tmp, file); // atomic: a reader never sees half a file
  } catch {
    // Read-only disk or similar: the classifier works, the next start trains again.
  }
  return { classifier, from: 'trained' };
}
