/**
 * npm run bench:nlu [-- --data-dir DIR] [--only clinc150,pack] [--systems guichet,nlpjs]
 *                     [--max-false-reject 0.01] [--runs N]
 *
 * Trains and evaluates Guichet's classifier and NLP.js side by side on the public intent
 * datasets (read from ../shared/data/nlu/ beside the repository, never copied into it) and on
 * the knowledge pack's own held-out split. Each system runs on each dataset in its own child
 * process, so peak memory is honest. Prints a table; writes bench-results/nlu.json.
 *
 * Thresholds: CLINC150 has a validation split with out-of-scope queries; Guichet fits its
 * temperature, its out-of-scope gate and both band thresholds there, never on test, turning
 * away at most 1 % of the in-scope validation questions (--max-false-reject; 1 % chosen on
 * validation: docs/benchmarks.md). The other public sets have no
 * out-of-scope queries, so nothing is rejected on them (the confirm threshold is 0) and their
 * out-of-scope figures are null. The pack: 20 % of each topic's, intent's and out-of-scope
 * utterances are held out (seeded), synonyms stay in training; its own settings.json thresholds.
 * NLP.js gets the same training data, out-of-scope as a class of its own; its `None` also counts
 * as a rejection. Latency: each text classified three times, the fastest counted (both systems).
 * Small sets (Braun, the pack) run several times, each in a fresh process, systems taking turns;
 * each figure is the median over runs (DEFAULT_RUNS, or --runs N).
 * Sliced (server-side) training on CLINC150 is also timed against the event loop:
 * bench-results/nlu-event-loop.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
// Only the classifier's own modules (not the answer recognisers), so peak memory is the classifier's.
import { trainClassifier, trainClassifierAsync } from '../bot/language/classifier.js';
import { DEFAULT_TARGETS } from '../bot/language/calibration.js';
import { evaluatePredictions, type Prediction } from '../bot/language/evaluate.js';
import { holdOut } from '../bot/language/split.js';
import { packTraining } from '../bot/language/pack-training.js';
import { NONE_INTENT, type ExactPhrase, type TrainingExample } from '../bot/language/types.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Share of in-scope validation questions the not-understood band may turn away (--max-false-reject). */
const MAX_FALSE_REJECT = Number(option(process.argv, '--max-false-reject') ?? 0.01);
const repo = resolve(here, '..');

const DATASETS = ['clinc150', 'banking77', 'hwu64', 'braun2017', 'pack'] as const;
const SYSTEMS = ['guichet', 'nlpjs'] as const;
type DatasetName = (typeof DATASETS)[number];
type SystemName = (typeof SYSTEMS)[number];

/** One system's figures on one dataset (the shape of bench-results/nlu.json). */
interface Result {
  inScopeAccuracy: number | null;
  oosRecall: number | null;
  falseRejectRate: number | null;
  macroF1: number | null;
  trainSeconds: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  peakRssMb: number | null;
  /** Fresh-process runs the figures are the medians of (absent: one run). */
  runs?: number;
  note?: string;
}

/** A train/test task: one or several corpora (Braun has three, pooled for the figures). */
interface Task {
  parts: {
    name: string;
    train: TrainingExample[];
    val: TrainingExample[];
    test: TrainingExample[];
    exact: ExactPhrase[];
  }[];
  /** Thresholds: tuned on val (`tune`), fixed. */
  thresholds: 'tune' | { acceptThreshold: number; confirmThreshold: number };
}

// ---------------------------------------------------------------- data

function readJsonl(file: string, locale = 'en', rename: Record<string, string> = {}): TrainingExample[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => {
      const v = JSON.parse(l) as { text: string; intent: string };
      return { text: v.text, intent: rename[v.intent] ?? v.intent, locale };
    });
}

async function loadTask(name: DatasetName, dataDir: string): Promise<Task> {
  const d = (p: string): string => join(dataDir, p);
  const oos = { oos: NONE_INTENT };
  switch (name) {
    case 'clinc150':
      return {
        parts: [
          {
            name,
            train: readJsonl(d('clinc150/full/train.jsonl'), 'en', oos),
            val: readJsonl(d('clinc150/full/val.jsonl'), 'en', oos),
            test: readJsonl(d('clinc150/full/test.jsonl'), 'en', oos),
            exact: [],
          },
        ],
        thresholds: 'tune',
      };
    case 'banking77':
      return {
        parts: [
          {
            name,
            train: readJsonl(d('banking77/train.jsonl')),
            val: [],
            test: readJsonl(d('banking77/test.jsonl')),
            exact: [],
          },
        ],
        thresholds: { acceptThreshold: 0, confirmThreshold: 0 },
      };
    case 'hwu64':
      return {
        parts: [
          {
            name,
            train: readJsonl(d('hwu64/kfold1_train.jsonl')),
            val: [],
            test: readJsonl(d('hwu64/kfold1_test.jsonl')),
            exact: [],
          },
        ],
        thresholds: { acceptThreshold: 0, confirmThreshold: 0 },
      };
    case 'braun2017':
      return {
        parts: ['ChatbotCorpus', 'AskUbuntuCorpus', 'WebApplicationsCorpus'].map((c) => ({
          name: c,
          train: readJsonl(d(`braun2017/${c}_train.jsonl`)),
          val: [],
          test: readJsonl(d(`braun2017/${c}_test.jsonl`)),
          exact: [],
        })),
        thresholds: { acceptThreshold: 0, confirmThreshold: 0 },
      };
    case 'pack': {
      // The pack's own utterances: 20 % of each topic, intent and the out-of-scope list held out.
      const { loadPack } = await import('../bot/knowledge/index.js');
      const loaded = await loadPack(join(repo, 'knowledge'));
      if (!loaded.pack) throw new Error('the knowledge pack does not load: run guichet kb validate');
      const training = packTraining(loaded.pack);
      const synonyms = new Set(training.exact.map((p) => `${p.locale}|${p.text}`));
      const utterances = training.examples.filter((e) => !synonyms.has(`${e.locale}|${e.text}`));
      const split = holdOut(utterances, 0.2, 11);
      const train = [
        ...split.train,
        ...training.examples.filter((e) => synonyms.has(`${e.locale}|${e.text}`)),
      ];
      return {
        parts: [{ name, train, val: [], test: split.test, exact: training.exact }],
        thresholds: training.settings,
      };
    }
  }
}

// ---------------------------------------------------------------- systems

interface Classified {
  intent: string;
  band: Prediction['band'];
}

interface System {
  train(part: Task['parts'][number], thresholds: Task['thresholds']): Promise<void>;
  classify(text: string, locale: string): Promise<Classified> | Classified;
}

function guichetSystem(): System {
  let classifier: ReturnType<typeof trainClassifier> | undefined;
  return {
    async train(part, thresholds) {
      const settings = thresholds === 'tune' ? { acceptThreshold: 1, confirmThreshold: 0 } : thresholds;
      classifier = trainClassifier(part.train, settings, { exact: part.exact, validation: part.val });
      if (thresholds === 'tune') {
        classifier.settings =
          classifier.suggestThresholds({ ...DEFAULT_TARGETS, maxFalseReject: MAX_FALSE_REJECT }) ?? settings;
        console.error(`guichet thresholds tuned on ${part.name} val: ${JSON.stringify(classifier.settings)}`);
      } else if (part.name === 'pack') {
        const suggested = classifier.suggestThresholds();
        console.error(
          `guichet: the pack's thresholds ${JSON.stringify(settings)}${suggested ? `; its held-out half suggests ${JSON.stringify(suggested)}` : ''}`,
        );
      }
    },
    classify(text, locale) {
      if (!classifier) throw new Error('not trained');
      const r = classifier.classify(text, locale);
      return { intent: r.intent, band: r.band };
    },
  };
}

// NLP.js ships no typings: the little we call is declared here.
interface NlpjsNlp {
  settings: { autoSave: boolean; log?: boolean };
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
}

function nlpjsSystem(): System {
  let nlp: NlpjsNlp | undefined;
  return {
    async train(part) {
      const { containerBootstrap } = (await import('@nlpjs/core' as string)) as {
        containerBootstrap(): Promise<{ use(x: unknown): void; get(n: string): unknown }>;
      };
      const { Nlp } = (await import('@nlpjs/nlp' as string)) as { Nlp: unknown };
      const { LangEn } = (await import('@nlpjs/lang-en-min' as string)) as { LangEn: unknown };
      const container = await containerBootstrap();
      container.use(Nlp);
      container.use(LangEn);
      nlp = container.get('nlp') as NlpjsNlp;
      nlp.settings.autoSave = false;
      nlp.settings.log = false;
      nlp.addLanguage('en');
      // Out-of-scope examples train a class of their own (its native `None` also counts as a rejection).
      for (const e of part.train) nlp.addDocument('en', e.text, e.intent);
      await nlp.train();
    },
    async classify(text) {
      if (!nlp) throw new Error('not trained');
      const r = await nlp.process('en', text);
      const rejected = r.intent === 'None' || r.intent === NONE_INTENT;
      return { intent: rejected ? NONE_INTENT : r.intent, band: rejected ? 'reject' : 'accept' };
    },
  };
}

// ---------------------------------------------------------------- one measurement (child)

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number);
}

async function measure(system: SystemName, dataset: DatasetName, dataDir: string): Promise<Result> {
  const task = await loadTask(dataset, dataDir);
  const predictions: Prediction[] = [];
  const latencies: number[] = [];
  let trainMs = 0;
  for (const part of task.parts) {
    const s = system === 'guichet' ? guichetSystem() : nlpjsSystem();
    const t0 = performance.now();
    await s.train(part, task.thresholds);
    trainMs += performance.now() - t0;
    // Warm the code paths before timing, the same for both systems.
    for (const e of part.train.slice(0, 200)) await s.classify(e.text, e.locale);
    // Corpora are pooled, so their labels are kept apart.
    const label = (intent: string): string =>
      task.parts.length > 1 && intent !== NONE_INTENT ? `${part.name}/${intent}` : intent;
    for (const e of part.test) {
      // Each text is classified three times and the fastest counts: on a shared machine a
      // single timing mostly measures the scheduler. Same rule for both systems.
      let best = Infinity;
      let r: Classified | undefined;
      for (let k = 0; k < 3; k++) {
        const t = performance.now();
        r = await s.classify(e.text, e.locale);
        best = Math.min(best, performance.now() - t);
      }
      if (!r) continue;
      latencies.push(best);
      predictions.push({ gold: label(e.intent), intent: label(r.intent), band: r.band, locale: e.locale });
    }
  }
  const report = evaluatePredictions(predictions);
  latencies.sort((a, b) => a - b);
  if (system === 'guichet' && dataset === 'clinc150') await measureEventLoop(task);
  return {
    inScopeAccuracy: report.inScopeAccuracy,
    oosRecall: report.oosRecall,
    falseRejectRate: report.falseRejectRate,
    macroF1: report.macroF1,
    trainSeconds: trainMs / 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/**
 * How long the event loop is held while the server-side (sliced) training runs: the longest
 * delay a timer saw. Written to bench-results/nlu-event-loop.json.
 */
async function measureEventLoop(task: Task): Promise<void> {
  const part = task.parts[0];
  if (!part) return;
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const slices: { wallMs: number; cpuMs: number }[] = [];
  histogram.enable();
  const t0 = performance.now();
  await trainClassifierAsync(
    part.train,
    { acceptThreshold: 0.5, confirmThreshold: 0.3 },
    { validation: part.val },
    (s) => slices.push(s),
  );
  const seconds = (performance.now() - t0) / 1000;
  histogram.disable();
  // Control: the same machine running plain 10 ms slices of busy work for 5 s. On a shared,
  // loaded machine the scheduler alone delays timers; this tells that apart from our code.
  const control = monitorEventLoopDelay({ resolution: 5 });
  control.enable();
  const end = performance.now() + 5000;
  while (performance.now() < end) {
    const slice = performance.now();
    while (performance.now() - slice < 10) {
      // busy
    }
    await new Promise((r) => setImmediate(r));
  }
  control.disable();
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  const wall = sorted(slices.map((s) => s.wallMs));
  const cpu = sorted(slices.map((s) => s.cpuMs));
  const result = {
    dataset: part.name,
    trainSeconds: seconds,
    slices: slices.length,
    maxSliceWallMs: wall[wall.length - 1] ?? 0,
    p99SliceWallMs: percentile(wall, 0.99),
    maxSliceCpuMs: cpu[cpu.length - 1] ?? 0,
    p99SliceCpuMs: percentile(cpu, 0.99),
    maxEventLoopDelayMs: histogram.max / 1e6,
    p99EventLoopDelayMs: histogram.percentile(99) / 1e6,
    controlMaxDelayMs: control.max / 1e6,
    controlP99DelayMs: control.percentile(99) / 1e6,
  };
  mkdirSync(join(repo, 'bench-results'), { recursive: true });
  writeFileSync(join(repo, 'bench-results', 'nlu-event-loop.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.error(`sliced training on ${part.name}: ${JSON.stringify(result)}`);
}

// ---------------------------------------------------------------- orchestration (parent)

function runChild(system: SystemName, dataset: DatasetName, dataDir: string): Promise<Result> {
  return new Promise((resolvePromise) => {
    const args = [
      fileURLToPath(import.meta.url),
      '--child',
      system,
      dataset,
      '--data-dir',
      dataDir,
      '--max-false-reject',
      String(MAX_FALSE_REJECT),
    ];
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      cwd: repo,
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolvePromise(JSON.parse(last) as Result);
      } catch {
        resolvePromise({ ...empty(), note: `failed (exit ${code})` });
      }
    });
  });
}

/**
 * Fresh-process runs per dataset (--runs overrides): the small sets train in a fraction of a
 * second, where start-up and a busy neighbour decide a single run, so they are run several
 * times and the median kept; so is BANKING77, whose long messages make both systems' p99 close
 * enough for one run's noise to swap them. One run of the others takes minutes and leads by far.
 */
const DEFAULT_RUNS: Record<DatasetName, number> = {
  clinc150: 1,
  banking77: 3,
  hwu64: 1,
  braun2017: 7,
  pack: 3,
};

/** Each figure's median over runs (`runs` noted when more than one). */
function medianResult(rs: Result[]): Result {
  if (rs.length === 1) return rs[0] as Result;
  const median = (key: Exclude<keyof Result, 'note'>): number | null => {
    const xs = rs
      .map((r) => r[key])
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    return xs.length === 0 ? null : (xs[Math.floor(xs.length / 2)] as number);
  };
  const failed = rs.find((r) => r.note !== undefined)?.note;
  return {
    inScopeAccuracy: median('inScopeAccuracy'),
    oosRecall: median('oosRecall'),
    falseRejectRate: median('falseRejectRate'),
    macroF1: median('macroF1'),
    trainSeconds: median('trainSeconds'),
    p50Ms: median('p50Ms'),
    p99Ms: median('p99Ms'),
    peakRssMb: median('peakRssMb'),
    runs: rs.length,
    ...(failed === undefined ? {} : { note: failed }),
  };
}

function empty(): Result {
  return {
    inScopeAccuracy: null,
    oosRecall: null,
    falseRejectRate: null,
    macroF1: null,
    trainSeconds: null,
    p50Ms: null,
    p99Ms: null,
    peakRssMb: null,
  };
}

const f = (x: number | null, digits = 1, scale = 100): string =>
  x === null ? '-' : (x * scale).toFixed(digits);

function table(results: Record<string, Partial<Record<SystemName, Result>>>): string {
  const head =
    '| dataset | system | in-scope acc % | OOS recall % | false-reject % | macro-F1 | train s | p50 ms | p99 ms | peak RSS MB |';
  const rows = [head, '|---|---|---|---|---|---|---|---|---|---|'];
  for (const [dataset, bySystem] of Object.entries(results)) {
    for (const [system, r] of Object.entries(bySystem)) {
      if (!r) continue;
      rows.push(
        `| ${dataset}${r.runs ? ` (median of ${r.runs} runs)` : ''} | ${system}${r.note ? ` (${r.note})` : ''} | ${f(r.inScopeAccuracy)} | ${f(r.oosRecall)} | ${f(r.falseRejectRate)} | ${f(r.macroF1, 3, 1)} | ${f(r.trainSeconds, 1, 1)} | ${f(r.p50Ms, 3, 1)} | ${f(r.p99Ms, 3, 1)} | ${f(r.peakRssMb, 0, 1)} |`,
      );
    }
  }
  return rows.join('\n');
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function datasetAvailable(name: DatasetName, dataDir: string): boolean {
  const probe: Record<DatasetName, string> = {
    clinc150: 'clinc150/full/test.jsonl',
    banking77: 'banking77/test.jsonl',
    hwu64: 'hwu64/kfold1_test.jsonl',
    braun2017: 'braun2017/ChatbotCorpus_test.jsonl',
    pack: '',
  };
  return name === 'pack' || existsSync(join(dataDir, probe[name]));
}

async function main(argv: string[]): Promise<number> {
  const dataDir = resolve(option(argv, '--data-dir') ?? join(repo, '..', 'shared', 'data', 'nlu'));
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) {
    const result = await measure(argv[childAt + 1] as SystemName, argv[childAt + 2] as DatasetName, dataDir);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const only = option(argv, '--only')?.split(',') ?? [...DATASETS];
  const systems = (option(argv, '--systems')?.split(',') ?? [...SYSTEMS]) as SystemName[];
  const results: Record<string, Partial<Record<SystemName, Result>>> = {};
  for (const dataset of DATASETS.filter((d) => only.includes(d))) {
    if (!datasetAvailable(dataset, dataDir)) {
      console.error(`${dataset}: not found under ${dataDir} (give --data-dir DIR); skipped`);
      continue;
    }
    const runs = Number(option(argv, '--runs') ?? DEFAULT_RUNS[dataset]);
    const byRun: Partial<Record<SystemName, Result[]>> = {};
    // Systems take turns run by run, so a busier minute on the shared machine falls on both.
    for (let run = 0; run < runs; run++) {
      for (const system of run % 2 === 0 ? systems : [...systems].reverse()) {
        console.error(`${dataset}: ${system} (run ${run + 1} of ${runs}) ...`);
        (byRun[system] ??= []).push(await runChild(system, dataset, dataDir));
      }
    }
    results[dataset] = Object.fromEntries(
      Object.entries(byRun).map(([system, rs]) => [system, medianResult(rs)]),
    );
  }
  const out = join(repo, 'bench-results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'nlu.json');
  // Keep figures of datasets and systems not run this time (for --only and --systems runs).
  let merged: Record<string, Partial<Record<SystemName, Result>>> = {};
  try {
    merged = (JSON.parse(readFileSync(file, 'utf8')) as { datasets: typeof merged }).datasets;
  } catch {
    // first run
  }
  for (const [dataset, bySystem] of Object.entries(results))
    merged[dataset] = { ...merged[dataset], ...bySystem };
  writeFileSync(file, `${JSON.stringify({ datasets: merged }, null, 2)}\n`);
  console.log(table(results));
  console.log(`\nwritten: ${file}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
