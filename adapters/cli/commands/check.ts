/**
 * guichet check ID --answers FILE.json [--as-of YYYY-MM-DD] [--knowledge DIR] [--json]
 *
 * Evaluates a screening or one service against given answers, without a conversation.
 * Exit 0 evaluated, 1 invalid answers (the message names the question and the allowed values),
 * 2 unknown ID (and usage errors, an unreadable answers file or a pack that does not load).
 * With --json, stdout is one JSON object: the shape in docs/interfaces.md.
 */
import { readFile } from 'node:fs/promises';
import { checkReport, type CheckJson } from '../../../bot/eligibility/check-report.js';
import type { Value } from '../../../bot/eligibility/index.js';
import { isIsoDate } from '../../../bot/eligibility/dates.js';
import { formatProblems, loadPack, type KnowledgePack } from '../../../bot/knowledge/index.js';

const USAGE = 'Usage: guichet check ID --answers FILE.json [--as-of YYYY-MM-DD] [--knowledge DIR] [--json]\n';

interface CheckArgs {
  id: string;
  answers: string;
  asOf: string;
  knowledge: string;
  json: boolean;
}

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Parses the arguments; `today` is the default as-of date (read from the clock only here, at the edge). */
export function parseCheckArgs(
  argv: readonly string[],
  defaults: { knowledge: string; today: string },
): CheckArgs | string {
  const args: Partial<CheckArgs> = { asOf: defaults.today, knowledge: defaults.knowledge, json: false };
  const valueAfter = (i: number): string | undefined => {
    const value = argv[i + 1];
    return value === undefined || value.startsWith('--') ? undefined : value;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--json') args.json = true;
    else if (flag === '--answers' || flag === '--as-of' || flag === '--knowledge') {
      const value = inline ?? valueAfter(i);
      if (value === undefined || value === '') return `${flag} needs a value`;
      if (inline === undefined) i++;
      if (flag === '--answers') args.answers = value;
      else if (flag === '--as-of') args.asOf = value;
      else args.knowledge = value;
    } else if (arg.startsWith('-')) return `unknown option "${arg}"`;
    else if (args.id === undefined) args.id = arg;
    else return `unexpected argument "${arg}"`;
  }
  if (args.id === undefined) return 'which screening or service? (ID is missing)';
  if (args.answers === undefined) return '--answers FILE.json is required';
  if (!isIsoDate(args.asOf)) return `--as-of "${args.asOf}" is not a date YYYY-MM-DD`;
  return args as CheckArgs;
}

export async function run(argv: string[], output: Output = processOutput): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    output.stdout(USAGE);
    return 0;
  }
  const today = new Date().toISOString().slice(0, 10);
  const args = parseCheckArgs(argv, { knowledge: process.env.GUICHET_KNOWLEDGE || 'knowledge', today });
  if (typeof args === 'string') {
    output.stderr(`guichet check: ${args}\n${USAGE}`);
    return 2;
  }

  let answers: unknown;
  try {
    answers = JSON.parse(await readFile(args.answers, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `is not JSON (${error.message})` : 'cannot be read';
    output.stderr(`guichet check: the answers file ${args.answers} ${reason}\n`);
    return 2;
  }

  const loaded = await loadPack(args.knowledge);
  if (!loaded.pack) {
    output.stderr(
      `guichet check: the knowledge pack in ${args.knowledge} does not load:\n${formatProblems(loaded.problems)}\n`,
    );
    return 2;
  }
  const pack = loaded.pack;

  const report = checkReport(pack.model, args.id, answers, args.asOf);
  if (report.status === 'unknown-id') {
    output.stderr(`guichet check: ${report.message}\n`);
    return 2;
  }
  if (report.status === 'invalid-answers') {
    output.stderr(`guichet check: invalid answers: ${report.message}\n`);
    return 1;
  }
  output.stdout(
    args.json ? `${JSON.stringify(report.json)}\n` : describe(report.json, report.kind, report, pack),
  );
  return 0;
}

/** The same result for a person reading a terminal. */
function describe(
  json: CheckJson,
  kind: 'screening' | 'service',
  extra: { ignored: string[]; values: Record<string, Value | null | undefined> },
  pack: KnowledgePack,
): string {
  const { ignored, values } = extra;
  const title = (id: string) => pack.services[id]?.title.en ?? id;
  const lines = [`${kind} ${json.id}, as of ${json.asOf}`];
  const section = (heading: string, ids: string[]) => {
    if (ids.length === 0) return;
    lines.push('', `${heading}:`);
    for (const id of ids) {
      lines.push(`  ${id} (${title(id)})`);
      for (const reason of json.reasons[id] ?? []) lines.push(`    ${reason}`);
    }
  };
  section('Eligible', json.eligible);
  section('Not eligible', json.ineligible);
  section('Not known yet', json.unknown);
  if (Object.keys(values).length > 0) {
    lines.push('', 'Values:');
    for (const [id, value] of Object.entries(values)) lines.push(`  ${id}: ${terminalValue(value)}`);
  }
  if (ignored.length > 0) lines.push('', `Ignored (not asked with the other answers): ${ignored.join(', ')}`);
  const next = json.nextQuestion;
  lines.push(
    '',
    next === null
      ? 'Next question: none (every outcome is decided, or nothing left can change it)'
      : `Next question: ${next} (${pack.questions[next]?.prompt.en ?? ''})`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * A worked-out value as an editor checks it: raw (a date stays YYYY-MM-DD, an amount a plain
 * number), an age as "66 years, 1 month, 0 days". The citizen's wording is the pack's, in the dialogs.
 */
export function terminalValue(value: Value | null | undefined): string {
  if (value === undefined) return 'not known yet';
  if (value === null) return 'does not apply';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'object') return String(value);
  const period = value as Record<string, unknown>;
  const units = ['years', 'months', 'days'] as const;
  if (!Array.isArray(value) && units.every((unit) => typeof period[unit] === 'number')) {
    return units
      .map((unit) => {
        const n = period[unit] as number;
        return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
      })
      .join(', ');
  }
  return JSON.stringify(value);
}
