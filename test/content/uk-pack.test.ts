/**
 * The staged UK pack (tools/govuk/uk-pack, built from GOV.UK's smart answers by tools/govuk/convert.ts)
 * reproduces GOV.UK's own test cases: its scenarios pass on the engine, and the answers GOV.UK
 * rejects are rejected at the same question. A few cases need engine features that do not exist
 * yet; they are listed here by id, and this test fails if one of them starts passing too, so the
 * list stays true.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { validateAnswers } from '../../bot/eligibility/index.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { runScenarios } from '../../bot/knowledge/run-scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACK = process.env.GUICHET_UK_PACK ?? join(ROOT, 'tools/govuk/uk-pack');
const CASES = join(ROOT, 'tools/govuk/cases');

/** Cases that need an engine feature (see tools/govuk/README.md, "What the engine cannot say yet"). */
const KNOWN_GAPS: Record<string, string> = {
  'cbfs-R003': 'GOV.UK asks how_many_paid_hours_work although no benefit can depend on it any more',
  'mw-D039': 'free accommodation adds an offset to pay: needs an accommodation-cost calculation',
  'mw-D042': 'accommodation charged above the offset lowers pay: needs an accommodation-cost calculation',
  'mw-D056': 'hours over 16 times the days of the pay period: a bound that depends on another answer',
  'mw-U010': 'the same bound (17 hours in a 1-day pay period)',
  'spa-D001': 'a date of birth more than 122 years before the check: a bound relative to the as-of date',
  'spa-D004': 'a date of birth more than 122 years before the check: a bound relative to the as-of date',
  'spa-D071': 'a date of birth more than 122 years before the check: a bound relative to the as-of date',
};

const caseId = (name: string): string => name.split(':')[0] ?? name;

describe('the UK pack converted from GOV.UK smart answers', function () {
  this.timeout(60_000);
  let pack: KnowledgePack;

  before(async () => {
    const loaded = await loadPack(PACK, { today: '2026-11-23' });
    const errors = loaded.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`)).to.deep.equal([]);
    pack = loaded.pack!;
  });

  it('passes every scenario except the known gaps, which still fail', () => {
    const results = runScenarios(pack);
    expect(results.length).to.be.greaterThan(2000);
    const failing = [...new Set(results.filter((r) => !r.passed).map((r) => caseId(r.name)))].sort();
    const known = Object.keys(KNOWN_GAPS).filter((id) => results.some((r) => caseId(r.name) === id));
    expect(failing, 'failing cases (fix them, or list them in KNOWN_GAPS with the reason)').to.deep.equal(
      known.sort(),
    );
  });

  for (const file of readdirSync(CASES).filter((f) => f.endsWith('.invalid.json'))) {
    it(`rejects GOV.UK's invalid answers at the same question, and accepts its valid ones (${file})`, () => {
      const { cases } = JSON.parse(readFileSync(join(CASES, file), 'utf8')) as {
        cases: Array<{
          name: string;
          asOf: string;
          answers: Record<string, unknown>;
          rejectedAt: string | null;
        }>;
      };
      const wrong = cases.flatMap((c) => {
        const checked = validateAnswers(pack.model, c.answers, c.asOf);
        const at = checked.ok ? null : checked.question; // null: accepted, as GOV.UK's valid answers are
        return at === c.rejectedAt ? [] : [caseId(c.name)];
      });
      const known = Object.keys(KNOWN_GAPS).filter((id) => cases.some((c) => caseId(c.name) === id));
      expect(wrong.sort(), 'cases not rejected at the same question as GOV.UK').to.deep.equal(known.sort());
    });
  }
});
