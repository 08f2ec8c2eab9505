/**
 * The default pack (knowledge/, built from GOV.UK's smart answers by tools/govuk/convert.ts)
 * reproduces GOV.UK's own test cases: its scenarios pass on the engine, and the answers GOV.UK
 * rejects are rejected at the same question. A few cases need engine features that do not exist
 * yet; this test fails if one of them starts passing too, so the lists stay true.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { validateAnswers } from '../../bot/eligibility/index.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { runScenarios } from '../../bot/knowledge/run-scenarios.js';
import { casePasses, type LooseCase } from '../../tools/govuk/lib/run-case.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACK = join(ROOT, 'knowledge');
const CASES = join(ROOT, 'tools/govuk/cases');

/**
 * Rejected answers GOV.UK and Guichet disagree on until the engine has these bounds (see
 * tools/govuk/README.md). Scenario cases the engine cannot reproduce yet are not in the pack: they
 * sit in tools/govuk/cases/*.known-gaps.json, and must still fail here.
 */
const INVALID_GAPS: Record<string, string> = {
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

  it('passes every scenario in the pack', () => {
    const results = runScenarios(pack);
    expect(results.length).to.be.greaterThan(2000);
    const failing = results.filter((r) => !r.passed).map((r) => r.name);
    expect(
      failing,
      'failing cases (fix them, or move them to a known-gaps file with the reason)',
    ).to.deep.equal([]);
  });

  it('still fails the known gaps (when one passes, move it back into the pack)', () => {
    const files = readdirSync(CASES).filter((f) => f.endsWith('.known-gaps.json'));
    const cases = files.flatMap(
      (f) => (JSON.parse(readFileSync(join(CASES, f), 'utf8')) as { cases: LooseCase[] }).cases,
    );
    expect(cases.length).to.be.greaterThan(0);
    // A GOV.UK case may give several scenarios (its outcome, its values); one failing keeps it a gap.
    const ids = [...new Set(cases.map((c) => caseId(c.name)))];
    const fixed = ids.filter((id) =>
      cases.filter((c) => caseId(c.name) === id).every((c) => casePasses(pack, c)),
    );
    expect(fixed).to.deep.equal([]);
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
      const known = Object.keys(INVALID_GAPS).filter((id) => cases.some((c) => caseId(c.name) === id));
      expect(wrong.sort(), 'cases not rejected at the same question as GOV.UK').to.deep.equal(known.sort());
    });
  }
});
