/**
 * Converts GOV.UK's smart-answer peer flows into a Guichet knowledge pack.
 *
 *   npx tsx tools/govuk/convert.ts [--peers DIR] [--out DIR] [--schema-prefix PATH] [--extra DIR]
 *
 * --peers          the peer files (default ../shared/peers/govuk-smart-answers from the repository)
 * --out            the pack folder to write (default knowledge/, the default pack)
 * --schema-prefix  "$schema" path from a pack sub-folder to knowledge/schema (default: worked out
 *                  from --out, so ../schema when --out is knowledge)
 * --extra          where cases the scenario format cannot hold yet go (default tools/govuk/cases)
 *
 * The peer files are read, never copied: facts (ids, conditions, dates, rates, links) become our
 * own JSON; every sentence a citizen reads comes from tools/govuk/data/*.en.json.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertCheckBenefits } from './flows/check-benefits.js';
import { PackWriter } from './lib/pack-writer.js';
import { readTexts } from './lib/texts.js';
import { convertOtherFlows } from './flows/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const DATA = join(HERE, 'data');

interface Options {
  peers: string;
  out: string;
  schemaPrefix: string;
  extra: string;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = resolve(value('--out') ?? join(HERE, '..', '..', 'knowledge'));
  // From <out>/services/ to <repo>/knowledge/schema.
  const schemaPrefix =
    value('--schema-prefix') ??
    relative(join(out, 'services'), join(REPO, 'knowledge/schema')).split('\\').join('/');
  return {
    peers: resolve(value('--peers') ?? join(REPO, '../shared/peers/govuk-smart-answers')),
    out,
    schemaPrefix,
    extra: resolve(value('--extra') ?? join(HERE, 'cases')),
  };
}

async function readData(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(DATA, file), 'utf8')) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const writer = new PackWriter(options.out, options.schemaPrefix, options.extra);
  await writer.clean();
  const texts = await readTexts(DATA);

  const benefits = await convertCheckBenefits(options.peers, writer, texts);
  const others = await convertOtherFlows(options.peers, writer, DATA);
  const topicStarts = new Map([...benefits.topicStarts, ...others.topicStarts]);

  await writer.write('settings', 'settings', await readData('settings.json'));
  await writer.write('messages', 'en', { locale: 'en', ...(await readData('messages.en.json')) });

  // Topics: our utterances, each topic starting what the flows made for it.
  const topics = (await readData('topics.en.json')) as {
    topics: Array<{ id: string; utterances: string[]; synonyms?: string[] }>;
    intents: unknown[];
    outOfScope: string[];
  };
  const written = topics.topics.map((t) => {
    const starts = topicStarts.get(t.id);
    if (!starts) throw new Error(`topic ${t.id} starts nothing: no flow made a screening or service for it`);
    return { id: t.id, starts, ...(t.synonyms ? { synonyms: t.synonyms } : {}), utterances: t.utterances };
  });
  await writer.write('topics', 'en', {
    locale: 'en',
    topics: written,
    intents: topics.intents,
    outOfScope: topics.outOfScope,
  });

  await writer.write('conversation', 'uk-pack', await readData('conversations.en.json'));

  const cases = benefits.cases + others.cases;
  process.stdout.write(
    `wrote ${writer.files} files to ${options.out} ("$schema" prefix ${options.schemaPrefix}); ${cases} cases\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `convert: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
