/**
 * A held-out check of the pack's topics: copies the pack to OUT/pack without every 5th utterance
 * of each topic, intent and the out-of-scope list, and writes those to OUT/heldout.jsonl, so that
 * `guichet nlu evaluate --data OUT/heldout.jsonl --knowledge OUT/pack` measures understanding of
 * sentences the classifier never saw.
 *
 *   npx tsx tools/govuk/nlu-split.ts [--knowledge DIR] [--out DIR] [--every N] [--seed S]
 *
 * --seed S holds out a random 1/N of each list instead, the same split as the `pack` row of
 * bench/nlu.ts (seeded shuffle; an utterance that is also a synonym stays in training): a fixed
 * every-5th split can be tuned to by accident, so the figures should also hold on other seeds.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../../bot/language/model.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (flag: string, fallback: string): string =>
  argv.includes(flag) ? argv[argv.indexOf(flag) + 1]! : fallback;
const pack = arg('--knowledge', join(HERE, '..', '..', 'knowledge'));
const out = arg('--out', '/tmp/guichet-nlu-split');
const every = Number(arg('--every', '5'));
const seed = argv.includes('--seed') ? Number(arg('--seed', '0')) : undefined;
const random = seed === undefined ? undefined : rng(seed);

interface Topics {
  topics: Array<{ id: string; utterances: string[]; synonyms?: string[] }>;
  intents?: Array<{ id: string; utterances: string[] }>;
  outOfScope?: string[];
  [key: string]: unknown;
}

await mkdir(out, { recursive: true });
await cp(pack, join(out, 'pack'), { recursive: true });
const topics = JSON.parse(await readFile(join(pack, 'topics/en.json'), 'utf8')) as Topics;
const heldOut: string[] = [];
const synonyms = new Set(topics.topics.flatMap((t) => t.synonyms ?? []));
/** Positions held out of `texts`: every N-th, or a seeded random 1/N of those that are not synonyms. */
function heldPositions(texts: string[]): Set<number> {
  const positions = [...texts.keys()];
  if (!random) return new Set(positions.filter((i) => (i + 1) % every === 0));
  const candidates = positions.filter((i) => !synonyms.has(texts[i]!));
  const shuffled = candidates
    .map((i) => ({ i, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.i);
  return new Set(shuffled.slice(0, Math.round(candidates.length / every)));
}
const split = (texts: string[], intent: string): string[] => {
  const held = heldPositions(texts);
  for (const i of [...held].sort((a, b) => a - b))
    heldOut.push(JSON.stringify({ text: texts[i], intent, locale: 'en' }));
  return texts.filter((_, i) => !held.has(i));
};
for (const t of topics.topics) t.utterances = split(t.utterances, t.id);
for (const t of topics.intents ?? []) t.utterances = split(t.utterances, t.id);
topics.outOfScope = split(topics.outOfScope ?? [], 'none');
await writeFile(join(out, 'pack/topics/en.json'), `${JSON.stringify(topics, null, 2)}\n`);
await writeFile(join(out, 'heldout.jsonl'), `${heldOut.join('\n')}\n`);
process.stdout.write(
  `${heldOut.length} held-out lines in ${join(out, 'heldout.jsonl')}; pack in ${join(out, 'pack')}\n`,
);
