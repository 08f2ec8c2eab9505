/**
 * Reproducible held-out splits for measuring understanding: `share` of each intent's examples,
 * picked by a seeded shuffle, so a figure can be quoted with the seed that made it.
 */
import { rng } from './model.js';
import type { TrainingExample } from './types.js';

export function holdOut(
  examples: readonly TrainingExample[],
  share: number,
  seed: number,
): { train: TrainingExample[]; test: TrainingExample[] } {
  const random = rng(seed);
  const byIntent = new Map<string, TrainingExample[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e]);
  const train: TrainingExample[] = [];
  const test: TrainingExample[] = [];
  for (const group of byIntent.values()) {
    const shuffled = group
      .map((e) => ({ e, k: random() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.e);
    const n = Math.round(shuffled.length * share);
    test.push(...shuffled.slice(0, n));
    train.push(...shuffled.slice(n));
  }
  return { train, test };
}
