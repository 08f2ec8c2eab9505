import { expect } from 'chai';
import { evaluatePredictions, type Prediction } from '../../../bot/language/index.js';

const p = (gold: string, intent: string, band: Prediction['band'], locale = 'en'): Prediction => ({
  gold,
  intent,
  band,
  locale,
});

describe('language/evaluate (the figures of nlu evaluate)', () => {
  const report = evaluatePredictions([
    p('a', 'a', 'accept'),
    p('a', 'a', 'confirm'),
    p('a', 'b', 'accept'),
    p('b', 'b', 'reject', 'fr'),
    p('none', 'none', 'reject'),
    p('none', 'a', 'accept'),
  ]);
  const cases: [string, number | null][] = [
    ['n', 6],
    ['accuracy', 3 / 6],
    ['inScopeAccuracy', 2 / 4],
    ['oosRecall', 1 / 2],
    ['oosPrecision', 1 / 2],
    ['falseRejectRate', 1 / 4],
    ['confirmRate', 1 / 6],
  ];
  for (const [key, value] of cases) {
    it(`${key} = ${value}`, () => {
      expect(report[key as keyof typeof report]).to.be.closeTo(value as number, 1e-9);
    });
  }
  it('splits by locale', () => {
    expect(Object.keys(report.perLocale)).to.deep.equal(['en', 'fr']);
    expect(report.perLocale.fr?.falseRejectRate).to.equal(1);
  });
  it('gives null out-of-scope figures when there is no out-of-scope line', () => {
    const r = evaluatePredictions([p('a', 'a', 'accept')]);
    expect([r.oosRecall, r.oosPrecision]).to.deep.equal([null, null]);
  });
});
