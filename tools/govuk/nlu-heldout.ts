/**
 * How well the pack's topics are understood on sentences the classifier never saw: 20 % of each
 * topic, intent and the out-of-scope list held out (the every-5th split, then seeded random
 * splits), with the thresholds tuned inside each training part (a validation fifth of it), never
 * on the held-out lines. `--tune` instead tunes on a validation fifth of the whole pack and prints
 * the thresholds to put in settings.json.
 *
 *   npx tsx tools/govuk/nlu-heldout.ts [--knowledge DIR] [--seeds 11,1,2] [--max-false-reject 0.015] [--json] [--errors]
 *   npx tsx tools/govuk/nlu-heldout.ts --tune [--max-false-reject 0.015]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../../bot/knowledge/index.js';
import {
  DEFAULT_TARGETS,
  NONE_INTENT,
  evaluatePredictions,
  exactPhrases,
  holdOut,
  synonymExamples,
  trainClassifier,
  trainingExamples,
  type ClassifierSettings,
  type Prediction,
  type TopicFile,
  type TrainingExample,
} from '../../bot/language/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (flag: string): string | undefined =>
  argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined;
const dir = option('--knowledge') ?? join(HERE, '..', '..', 'knowledge');
const seeds = (option('--seeds') ?? '11,1,2,3,4,5,6,7,21,22,23,24,25').split(',').map(Number);
const targets = { ...DEFAULT_TARGETS, maxFalseReject: Number(option('--max-false-reject') ?? 0.015) };
/** The seed of the validation fifth carved out of a training part (kept apart from test seeds). */
const VALIDATION_SEED = 1000;

const loaded = await loadPack(dir);
if (!loaded.pack) throw new Error(`the pack in ${dir} does not load: run guichet kb validate`);
const files = Object.values(loaded.pack.topics) as TopicFile[];
const exact = exactPhrases(files);
const synonyms = synonymExamples(files);
const synonymKeys = new Set(synonyms.map((p) => `${p.locale}|${p.text}`));
// Synonyms are names, not sentences: always trained on, never held out.
const utterances = trainingExamples(files).filter((e) => !synonymKeys.has(`${e.locale}|${e.text}`));

/** Thresholds tuned on a validation fifth of `train`, then a model trained on all of `train`. */
function trainTuned(train: TrainingExample[]): {
  settings: ClassifierSettings;
  classify: (e: TrainingExample) => Prediction & { score: number; text: string };
} {
  const { train: fit, test: validation } = holdOut(train, 0.2, VALIDATION_SEED);
  const probe = trainClassifier(
    [...fit, ...synonyms],
    { acceptThreshold: 1, confirmThreshold: 0 },
    { exact, validation },
  );
  const settings = probe.suggestThresholds(targets) ?? loaded.pack!.settings.nlu;
  const model = trainClassifier([...train, ...synonyms], settings, { exact });
  return {
    settings,
    classify: (e) => {
      const r = model.classify(e.text, e.locale);
      return {
        gold: e.intent,
        intent: r.intent,
        band: r.band,
        locale: e.locale,
        score: r.score,
        text: e.text,
      };
    },
  };
}

if (argv.includes('--tune')) {
  const { settings } = trainTuned(utterances);
  process.stdout.write(`${JSON.stringify({ nlu: settings })}\n`);
  process.exit(0);
}

function everyFifth(): { train: TrainingExample[]; test: TrainingExample[] } {
  const train: TrainingExample[] = [];
  const test: TrainingExample[] = [];
  const seen = new Map<string, number>();
  for (const e of utterances) {
    const n = (seen.get(e.intent) ?? 0) + 1;
    seen.set(e.intent, n);
    (n % 5 === 0 ? test : train).push(e);
  }
  return { train, test };
}

const splits: [string, { train: TrainingExample[]; test: TrainingExample[] }][] = [
  ['every-5th', everyFifth()],
  ...seeds.map((seed): [string, { train: TrainingExample[]; test: TrainingExample[] }] => [
    `seed ${seed}`,
    holdOut(utterances, 0.2, seed),
  ]),
];
const rows = splits.map(([name, { train, test }]) => {
  const { settings, classify } = trainTuned(train);
  const predictions = test.map(classify);
  if (argv.includes('--errors'))
    for (const p of predictions) {
      const got = p.band === 'reject' ? NONE_INTENT : p.intent;
      if (got !== p.gold)
        console.error(`${name}: ${p.gold} -> ${got} (${p.band} ${p.score.toFixed(2)}) "${p.text}"`);
    }
  const report = evaluatePredictions(predictions);
  return {
    split: name,
    n: test.length,
    inScopeAccuracy: report.inScopeAccuracy ?? 0,
    oosRecall: report.oosRecall ?? 0,
    falseRejectRate: report.falseRejectRate ?? 0,
    settings,
  };
});
const seeded = rows.filter((r) => r.split.startsWith('seed'));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const summary = {
  inScope: {
    mean: mean(seeded.map((r) => r.inScopeAccuracy)),
    worst: Math.min(...seeded.map((r) => r.inScopeAccuracy)),
  },
  oosRecall: {
    mean: mean(seeded.map((r) => r.oosRecall)),
    worst: Math.min(...seeded.map((r) => r.oosRecall)),
  },
};
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ targets, rows, seeds: summary })}\n`);
else {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  console.log(
    `held out: 20 % of each topic, intent and the out-of-scope list; thresholds tuned on a fifth of each training part (false-reject budget ${targets.maxFalseReject})`,
  );
  console.log('| split     |   n | in-scope % | OOS recall % | false-reject % |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.split.padEnd(9)} | ${String(r.n).padStart(3)} | ${pct(r.inScopeAccuracy)} | ${pct(r.oosRecall)} | ${pct(r.falseRejectRate)} |`,
    );
  console.log(
    `seeds: in-scope mean ${pct(summary.inScope.mean)} worst ${pct(summary.inScope.worst)}; OOS recall mean ${pct(summary.oosRecall.mean)} worst ${pct(summary.oosRecall.worst)}`,
  );
}
