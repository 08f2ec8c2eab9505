import { expect } from 'chai';
import {
  datedValueOn,
  parameterPeriodProblems,
  parameterValueOn,
} from '../../../bot/eligibility/parameters.js';
import type { ParameterDef } from '../../../bot/eligibility/model.js';

const rate: ParameterDef = {
  id: 'minimum_hourly_rate',
  values: [
    { from: '2025-04-01', to: '2026-03-31', value: 12.21, source: 'rates 2025' },
    { from: '2026-04-01', value: 12.71, source: 'rates 2026' },
  ],
};

describe('dated parameters', () => {
  const cases: [date: string, value: number | undefined][] = [
    ['2025-03-31', undefined], // before the first period
    ['2025-04-01', 12.21], // first day of a period
    ['2026-03-31', 12.21], // last day of a period
    ['2026-04-01', 12.71], // first day of the next
    ['2099-12-31', 12.71], // open-ended
  ];
  for (const [date, value] of cases) {
    it(`on ${date}: ${value ?? 'no value'}`, () => expect(parameterValueOn(rate, date)).to.equal(value));
  }

  it('gives the source of the value in force', () => {
    expect(datedValueOn(rate, '2026-04-01')?.source).to.equal('rates 2026');
  });

  it('prefers the latest start when an open-ended value is followed by a newer one', () => {
    const p: ParameterDef = {
      id: 'p',
      values: [
        { from: '2020-01-01', value: 1, source: 'a' },
        { from: '2024-01-01', value: 2, source: 'b' },
      ],
    };
    expect([parameterValueOn(p, '2023-12-31'), parameterValueOn(p, '2024-01-01')]).to.deep.equal([1, 2]);
    expect(parameterPeriodProblems(p)).to.deep.equal(['values from 2020-01-01 and from 2024-01-01 overlap']);
  });

  it('finds no problem in consecutive periods', () =>
    expect(parameterPeriodProblems(rate)).to.deep.equal([]));
});
