/**
 * The default pack (knowledge/, built from GOV.UK's smart answers by tools/govuk/convert.ts)
 * reproduces GOV.UK's own test cases: its scenarios pass on the engine, and the answers GOV.UK
 * rejects are rejected at the same question. A few cases need engine features that do not exist
 * yet; this test fails if one of them starts passing too, so the lists stay true.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { assess, nextOnRoute, validateAnswers } from '../../bot/eligibility/index.js';
import { checkReport } from '../../bot/eligibility/check-report.js';
import { loadPack, type KnowledgePack } from '../../bot/knowledge/index.js';
import { runScenarios } from '../../bot/knowledge/run-scenarios.js';
import { KNOWN_GAPS, SKIPPED_BY_DESIGN } from '../../tools/govuk/lib/known-gaps.js';
import { casePasses, type LooseCase } from '../../tools/govuk/lib/run-case.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACK = join(ROOT, 'knowledge');
const CASES = join(ROOT, 'tools/govuk/cases');

/**
 * Rejected answers GOV.UK and Guichet disagree on (none today). Scenario cases the engine cannot
 * reproduce yet are not in the pack: they sit in tools/govuk/cases/*.known-gaps.json (none today),
 * and must still fail here.
 */
const INVALID_GAPS: Record<string, string> = {};

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
    expect(results.length).to.be.greaterThan(1800);
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
    expect(Object.keys(KNOWN_GAPS), 'a known gap without its case file').to.have.length(
      new Set(cases.map((c) => caseId(c.name))).size,
    );
    // A GOV.UK case may give several scenarios (its outcome, its values); one failing keeps it a gap.
    const ids = [...new Set(cases.map((c) => caseId(c.name)))];
    const fixed = ids.filter((id) =>
      cases.filter((c) => caseId(c.name) === id).every((c) => casePasses(pack, c)),
    );
    expect(fixed).to.deep.equal([]);
  });

  it("guichet check gives GOV.UK's benefit list, in GOV.UK's order, for every end-to-end case (155 from its tests, 27 derived)", async () => {
    const endToEnd = pack.scenarios
      .filter((f) => f.file.endsWith('check-benefits-financial-support.json'))
      .flatMap((f) => f.value.cases);
    expect(endToEnd).to.have.length(182);
    const wrong = endToEnd.flatMap((c) => {
      const report = checkReport(pack.model, c.screening!, c.answers, c.asOf);
      return report.status === 'evaluated' &&
        JSON.stringify(report.json.eligible) === JSON.stringify(c.expect.eligible)
        ? []
        : [c.name];
    });
    expect(wrong).to.deep.equal([]);
    // And the command itself, as an editor runs it, on the first case.
    const c = endToEnd[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'guichet-check-'));
    writeFileSync(join(dir, 'answers.json'), JSON.stringify(c.answers));
    const out = execFileSync(
      process.execPath,
      [
        join(ROOT, 'bin/guichet.js'),
        'check',
        c.screening!,
        '--answers',
        join(dir, 'answers.json'),
        '--as-of',
        c.asOf,
        '--json',
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(JSON.parse(out).eligible).to.deep.equal(c.expect.eligible);
  });

  it('skips, by design, the route questions GOV.UK asks that no result depends on any more', () => {
    const skipped = pack.scenarios.flatMap((f) =>
      f.value.cases.filter((c) => Object.hasOwn(SKIPPED_BY_DESIGN, caseId(c.name))),
    );
    expect(skipped.map((c) => caseId(c.name))).to.deep.equal(Object.keys(SKIPPED_BY_DESIGN));
    for (const c of skipped) {
      const result = assess(pack.model, c.screening!, c.answers as Record<string, string>, c.asOf)!;
      expect(nextOnRoute(result.context, result.order), c.name).to.equal(c.expect.nextOnRoute);
      expect(result.nextQuestion, `${c.name}: the bot asks something else`).to.not.equal(
        c.expect.nextOnRoute,
      );
    }
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
