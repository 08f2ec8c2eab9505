/**
 * How many of GOV.UK's cases the pack reproduces, per flow: a GOV.UK case passes when every
 * scenario made from it passes (or, for a rejected answer, when Guichet rejects it at the same
 * question). Cases kept in cases/*.not-expressible.json count as not passing.
 *
 *   npx tsx tools/govuk/report.ts [--knowledge DIR] [--json]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateAnswers } from '../../bot/eligibility/index.js';
import { loadPack } from '../../bot/knowledge/index.js';
import { runScenarios } from '../../bot/knowledge/run-scenarios.js';
import { casePasses, type LooseCase } from './lib/run-case.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const FLOWS: Record<string, string> = {
  cbfs: 'check-benefits-financial-support',
  spa: 'state-pension-age',
  mw: 'am-i-getting-minimum-wage',
  ukba: 'uk-benefits-abroad',
};

const argv = process.argv.slice(2);
const dir = argv.includes('--knowledge')
  ? argv[argv.indexOf('--knowledge') + 1]!
  : join(HERE, '..', '..', 'knowledge');
const loaded = await loadPack(dir);
if (!loaded.pack)
  throw new Error(`the pack does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
const pack = loaded.pack;

const outcome = new Map<string, boolean>();
const record = (id: string, passed: boolean): void => {
  outcome.set(id, (outcome.get(id) ?? true) && passed);
};
for (const r of runScenarios(pack)) record(r.name.split(':')[0]!, r.passed);
const casesDir = join(HERE, 'cases');
const pending = new Set<string>();
for (const file of readdirSync(casesDir)) {
  const { cases } = JSON.parse(readFileSync(join(casesDir, file), 'utf8')) as {
    cases: Array<Record<string, unknown>>;
  };
  for (const c of cases) {
    if (file.endsWith('.known-gaps.json')) {
      record(String(c.name).split(':')[0]!, casePasses(pack, c as unknown as LooseCase));
    } else if (file.endsWith('.invalid.json')) {
      const checked = validateAnswers(pack.model, c.answers as Record<string, unknown>, c.asOf as string);
      record(String(c.name).split(':')[0]!, (checked.ok ? null : checked.question) === c.rejectedAt);
    } else pending.add(String(c.id));
  }
}

const rows = Object.entries(FLOWS).map(([prefix, flow]) => {
  const ids = [...outcome.keys()].filter((id) => id.startsWith(`${prefix}-`));
  const notExpressible = [...pending].filter((id) => id.startsWith(`${prefix}-`)).length;
  const passed = ids.filter((id) => outcome.get(id)).length;
  return { flow, cases: ids.length + notExpressible, passed, failed: ids.length - passed, notExpressible };
});
const total = rows.reduce(
  (t, r) => ({
    cases: t.cases + r.cases,
    passed: t.passed + r.passed,
    failed: t.failed + r.failed,
    notExpressible: t.notExpressible + r.notExpressible,
  }),
  { cases: 0, passed: 0, failed: 0, notExpressible: 0 },
);
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ flows: rows, total })}\n`);
else {
  const line = (f: string, r: { cases: number; passed: number; failed: number; notExpressible: number }) =>
    `| ${f.padEnd(34)} | ${String(r.cases).padStart(5)} | ${String(r.passed).padStart(6)} | ${String(r.failed).padStart(6)} | ${String(r.notExpressible).padStart(14)} |`;
  process.stdout.write(
    [
      '| flow                               | cases | passed | failed | not expressible |',
      '|---|---|---|---|---|',
      ...rows.map((r) => line(r.flow, r)),
      line('total', total),
      '',
    ].join('\n'),
  );
}
