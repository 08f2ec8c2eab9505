/**
 * Proves the accommodation prototype: converts the pack with the prototype in the minimum-wage
 * rule (--prototype-checks), then runs that flow's scenarios with the prototype registered beside
 * the engine's own checks, and checks GOV.UK's accommodation calculator cases directly.
 *
 *   npx tsx tools/govuk/prototypes/check-accommodation.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assess, NAMED_CHECKS, validateAnswers } from '../../../bot/eligibility/index.js';
import { loadPack } from '../../../bot/knowledge/index.js';
import { minimumWageAccommodationCost } from './accommodation-cost.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const OUT = '/tmp/guichet-uk-pack-prototype';
execFileSync(
  'npx',
  [
    'tsx',
    join(HERE, '../convert.ts'),
    '--out',
    OUT,
    '--schema-prefix',
    '../schema',
    '--extra',
    `${OUT}-cases`,
    '--prototype-checks',
  ],
  { cwd: REPO, stdio: 'inherit' },
);

const checks = new Map([...NAMED_CHECKS, [minimumWageAccommodationCost.id, minimumWageAccommodationCost]]);
const loaded = await loadPack(OUT, { checks: checks.keys() });
if (!loaded.pack) throw new Error(loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
const pack = loaded.pack;
let passed = 0;
const failed: string[] = [];
const gaps = JSON.parse(readFileSync(`${OUT}-cases/am-i-getting-minimum-wage.known-gaps.json`, 'utf8')) as {
  cases: (typeof pack.scenarios)[number]['value']['cases'];
};
const files = [...pack.scenarios.filter((s) => s.file.includes('minimum-wage')).map((s) => s.value), gaps];
for (const file of files) {
  for (const c of file.cases) {
    const checked = validateAnswers(pack.model, c.answers as Record<string, unknown>, c.asOf);
    if (!checked.ok) throw new Error(`${c.name}: ${checked.message}`);
    const result = assess(pack.model, c.screening ?? c.service ?? '', checked.answers, c.asOf, { checks })!;
    const ok =
      (c.expect.eligible === undefined ||
        JSON.stringify(c.expect.eligible) === JSON.stringify(result.eligible)) &&
      (c.expect.nextQuestion === undefined || c.expect.nextQuestion === result.nextQuestion);
    if (ok) passed++;
    else failed.push(c.name);
  }
}
process.stdout.write(
  `minimum-wage scenarios with the prototype: ${passed} passed, ${failed.length} failed ${JSON.stringify(failed)}\n`,
);

// GOV.UK's calculator cases for the adjustment (charge, nights as arguments; offset of the period).
const offsets = { current_payment: 11.1, past_payment: 10.66 } as Record<string, number>;
const peer = JSON.parse(
  readFileSync(
    join(REPO, '../shared/peers/govuk-smart-answers/am-i-getting-minimum-wage.cases.json'),
    'utf8',
  ),
) as {
  cases: Array<{
    id: string;
    method?: string;
    args?: unknown[];
    calculator_state?: Record<string, unknown>;
    expected: { value: unknown };
  }>;
};
let unitPassed = 0;
const unitFailed: string[] = [];
for (const c of peer.cases.filter((x) => x.method === 'accommodation_adjustment')) {
  const [charge, nights] = c.args as [string | number, number];
  const state = c.calculator_state!;
  const value = minimumWageAccommodationCost.evaluate(
    {
      offset: offsets[String(state.past_or_current_payment)]!,
      charge: Number(charge),
      nights,
      days: Number(state.pay_frequency),
    },
    { asOf: '2026-08-21' },
  );
  if (value === c.expected.value) unitPassed++;
  else unitFailed.push(`${c.id}: ${String(value)} != ${String(c.expected.value)}`);
}
process.stdout.write(
  `GOV.UK accommodation_adjustment cases: ${unitPassed} passed, ${unitFailed.length} failed ${JSON.stringify(unitFailed)}\n`,
);
