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
});
