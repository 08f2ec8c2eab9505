/**
 * guichet nlu evaluate --data FILE.jsonl [--knowledge DIR] [--json]
 * Trains the classifier on the pack's topics and classifies every line of FILE
 * (`{"text", "intent", "locale"}`). With --json the last line of stdout is one JSON object:
 * n, accuracy, inScopeAccuracy, oosRecall, oosPrecision, falseRejectRate, confirmRate, perLocale.
 * Exit 0 evaluated, 1 the pack or the data cannot be read, 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { formatProblems, loadPack } from '../../../bot/knowledge/index.js';
import {
  evaluatePredictions,
  packTraining,
  trainClassifier,
  type EvaluationCounts,
  type Prediction,
} from '../../../bot/language/index.js';

const USAGE = 'Usage: guichet nlu evaluate --data FILE.jsonl [--knowledge DIR] [--json]\n';

interface Args {
  data: string;
  knowledge: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Partial<Args> = { knowledge: process.env.GUICHET_KNOWLEDGE || 'knowledge', json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--data' || a === '--knowledge') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
      if (a === '--data') args.data = value;
      else args.knowledge = value;
    } else return `unknown argument "${a}"`;
  }
  return args.data ? (args as Args) : '--data FILE.jsonl is required';
}

interface Line {
  text: string;
  intent: string;
  locale: string;
}

function parseLines(text: string, file: string): Line[] | string {
  const lines: Line[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = (rows[i] as string).trim();
    if (row.length === 0) continue;
    try {
      const v = JSON.parse(row) as Partial<Line>;
      if (typeof v.text !== 'string' || typeof v.intent !== 'string')
        return `${file}:${i + 1}: needs "text" and "intent" strings`;
      lines.push({ text: v.text, intent: v.intent, locale: typeof v.locale === 'string' ? v.locale : 'en' });
    } catch {
      return `${file}:${i + 1}: not valid JSON`;
    }
  }
  return lines;
}

const pct = (x: number | null): string => (x === null ? '-' : `${(100 * x).toFixed(1)} %`);

function summary(label: string, c: EvaluationCounts): string {
  return (
    `${label.padEnd(6)} n=${c.n}  accuracy ${pct(c.accuracy)}  in-scope ${pct(c.inScopeAccuracy)}  ` +
    `OOS recall ${pct(c.oosRecall)}  OOS precision ${pct(c.oosPrecision)}  false-reject ${pct(c.falseRejectRate)}  ` +
    `confirm ${pct(c.confirmRate)}`
  );
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`guichet nlu evaluate: ${args}\n${USAGE}`);
    return 2;
  }
  let raw: string;
  try {
    raw = await readFile(args.data, 'utf8');
  } catch {
    process.stderr.write(`guichet nlu evaluate: cannot read ${args.data}\n`);
    return 1;
  }
  const lines = parseLines(raw, args.data);
  if (typeof lines === 'string') {
    process.stderr.write(`guichet nlu evaluate: ${lines}\n`);
    return 1;
  }
  const loaded = await loadPack(args.knowledge);
  if (!loaded.pack) {
    process.stderr.write(
      `${formatProblems(loaded.problems)}\nguichet nlu evaluate: ${args.knowledge} is not a valid pack\n`,
    );
    return 1;
  }
  const training = packTraining(loaded.pack);
  const started = performance.now();
  const classifier = trainClassifier(training.examples, training.settings, { exact: training.exact });
  const trainMs = performance.now() - started;
  const predictions: Prediction[] = lines.map((l) => {
    const c = classifier.classify(l.text, l.locale);
    return { gold: l.intent, intent: c.intent, band: c.band, locale: l.locale };
  });
  const report = evaluatePredictions(predictions);
  const out = [
    `trained on ${training.examples.length} utterances from ${args.knowledge} in ${(trainMs / 1000).toFixed(2)} s ` +
      `(accept ≥ ${training.settings.acceptThreshold}, confirm ≥ ${training.settings.confirmThreshold})`,
    `thresholds suggested by cross-validation on the pack: ${JSON.stringify(classifier.suggestThresholds() ?? null)}`,
    summary('all', report),
    ...Object.entries(report.perLocale).map(([locale, c]) => summary(locale, c)),
  ];
  if (args.json) {
    const { macroF1: _m, ...contract } = report;
    const perLocale = Object.fromEntries(
      Object.entries(report.perLocale).map(([k, { macroF1: _f, ...v }]) => [k, v]),
    );
    out.push(JSON.stringify({ ...contract, perLocale }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
