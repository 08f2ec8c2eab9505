import { expect } from 'chai';
import { bandValue } from '../../../../bot/eligibility/checks/band-value.js';
import type { Value } from '../../../../bot/eligibility/checks/types.js';

const bands: Value = [
  { from: 0, below: 18, value: 8.0 },
  { from: 18, below: 21, value: 10.85 },
  { from: 21, value: 12.71 },
];

describe('named check band_value', () => {
  const cases: [unknown, unknown][] = [
    [0, 8.0],
    [17, 8.0],
    [18, 10.85], // the lower bound is in the band
    [20.5, 10.85],
    [21, 12.71], // the upper bound is not
    [99, 12.71],
    [-1, undefined], // below every band: cannot tell
    [null, null], // skipped: does not apply
    ['18', undefined],
  ];
  for (const [x, expected] of cases) {
    it(`x = ${JSON.stringify(x)}: ${JSON.stringify(expected)}`, () =>
      expect(bandValue.evaluate({ x: x as number, bands }, { asOf: '2026-06-01' })).to.equal(expected));
  }
  it('cannot tell from a malformed table', () => {
    expect(bandValue.evaluate({ x: 1, bands: [{ value: 1 }] }, { asOf: '2026-06-01' })).to.equal(undefined);
    expect(bandValue.evaluate({ x: 1, bands: 3 }, { asOf: '2026-06-01' })).to.equal(undefined);
  });
});
