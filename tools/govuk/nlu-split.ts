/**
 * A held-out check of the pack's topics: copies the pack to OUT/pack without every 5th utterance
 * of each topic, intent and the out-of-scope list, and writes those to OUT/heldout.jsonl, so that
 * `guichet nlu evaluate --data OUT/heldout.jsonl --knowledge OUT/pack` measures understanding of
 * sentences the classifier never saw.
 *
 *   npx tsx tools/govuk/nlu-split.ts [--knowledge DIR] [--out DIR] [--every N]
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (flag: string, fallback: string): string =>
  argv.includes(flag) ? argv[argv.indexOf(flag) + 1]! : fallback;
const pack = arg('--knowledge', join(HERE, '..', '..', 'knowledge'));
const out = arg('--out', '/tmp/guichet-nlu-split');
const every = Number(arg('--every', '5'));

interface Topics {
  topics: Array<{ id: string; utterances: string[] }>;
  intents?: Array<{ id: string; utterances: string[] }>;
  outOfScope?: string[];
  [key: string]: unknown;
}

await mkdir(out, { recursive: true });
await cp(pack, join(out, 'pack'), { recursive: true });
const topics = JSON.parse(await readFile(join(pack, 'topics/en.json'), 'utf8')) as Topics;
const heldOut: string[] = [];
const split = (texts: string[], intent: string): string[] =>
  texts.filter((text, i) => {
    if ((i + 1) % every !== 0) return true;
    heldOut.push(JSON.stringify({ text, intent, locale: 'en' }));
    return false;
  });
for (const t of topics.topics) t.utterances = split(t.utterances, t.id);
for (const t of topics.intents ?? []) t.utterances = split(t.utterances, t.id);
topics.outOfScope = split(topics.outOfScope ?? [], 'none');
await writeFile(join(out, 'pack/topics/en.json'), `${JSON.stringify(topics, null, 2)}\n`);
await writeFile(join(out, 'heldout.jsonl'), `${heldOut.join('\n')}\n`);
process.stdout.write(
  `${heldOut.length} held-out lines in ${join(out, 'heldout.jsonl')}; pack in ${join(out, 'pack')}\n`,
);
