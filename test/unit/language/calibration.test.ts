import { expect } from 'chai';
import { fitTemperature, tuneThresholds, type ScoredExample } from '../../../bot/language/index.js';

describe('language/calibration', () => {
  it('fits a temperature above 1 for an over-confident model and below 1 for a timid one', () => {
    // Over-confident: large logits, right only half the time.
    const loud = [Float64Array.from([8, 0]), Float64Array.from([8, 0])];
    expect(fitTemperature(loud, [0, 1])).to.be.greaterThan(1);
    // Timid: small logits, always right.
    const quiet = [Float64Array.from([0.2, 0]), Float64Array.from([0, 0.2])];
    expect(fitTemperature(quiet, [0, 1])).to.be.lessThan(1);
  });

  it('returns 1 with nothing to fit on', () => {
    expect(fitTemperature([], [])).to.equal(1);
  });

  const s = (score: number, inScope: boolean, correct = inScope): ScoredExample => ({
    score,
    correct,
    inScope,
    predictedNone: false,
  });

  it('sets the confirm threshold so that at most the allowed share of in-scope questions is turned away', () => {
    const scored = [
      s(0.9, true),
      s(0.8, true),
      s(0.7, true),
      s(0.6, true),
      s(0.2, true),
      s(0.3, false),
      s(0.25, false),
      s(0.5, false),
    ];
    const { confirmThreshold } = tuneThresholds(scored, { maxFalseReject: 0.2, acceptPrecision: 0.9 });
    expect(confirmThreshold).to.equal(0.6); // the highest that turns away one in-scope (0.2) of five, and all three out-of-scope
  });

  it('sets the accept threshold where answers given without confirming are right often enough', () => {
    const scored = [
      s(0.95, true),
      s(0.9, true),
      s(0.85, true, false),
      s(0.8, true),
      s(0.6, true, false),
      s(0.5, true),
    ];
    const { acceptThreshold } = tuneThresholds(scored, { maxFalseReject: 0, acceptPrecision: 0.75 });
    expect(acceptThreshold).to.equal(0.8); // 3 of 4 right at 0.8; 3 of 5 at 0.6
  });

  describe('the out-of-scope gate (top intent against none)', () => {
    const g = (score: number, noneScore: number, inScope: boolean): ScoredExample => ({
      score,
      noneScore,
      correct: inScope,
      inScope,
      predictedNone: noneScore > score,
    });
    // In-scope questions are sure of their intent against none; out-of-scope ones are not,
    // although some are as sure of their top intent as in-scope ones.
    const scored = [
      g(0.9, 0.01, true),
      g(0.5, 0.02, true),
      g(0.4, 0.01, true),
      g(0.35, 0.05, true),
      g(0.6, 0.4, false),
      g(0.5, 0.3, false),
      g(0.45, 0.2, false),
    ];

    it('is tuned when held-out data has out-of-scope questions, within the same false-reject budget', () => {
      const settings = tuneThresholds(scored, { maxFalseReject: 0, acceptPrecision: 0.9 });
      // The highest gate that turns away no in-scope question: 0.35 / (0.35 + 0.05) = 0.875.
      expect(settings.minInScopeShare).to.equal(0.875);
      // The confirm threshold alone would catch none of the three at this budget.
      expect(settings.confirmThreshold).to.be.at.most(0.35);
    });

    const cases: [string, ScoredExample[]][] = [
      ['no out-of-scope questions', scored.filter((x) => x.inScope)],
      ['no none scores', scored.map(({ noneScore: _, ...x }) => x)],
    ];
    for (const [what, data] of cases) {
      it(`is left out with ${what}`, () => {
        expect(tuneThresholds(data).minInScopeShare).to.equal(undefined);
      });
    }
  });
});
