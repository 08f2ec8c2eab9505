import { expect } from 'chai';
import { payCoversRate, roundHalfAwayFromZero } from '../../../../bot/eligibility/checks/pay-covers-rate.js';

const run = (args: Record<string, number | null>) => payCoversRate.evaluate(args, { asOf: '2026-06-01' });

describe('named check pay_covers_rate', () => {
  const cases: [string, Record<string, number | null>, boolean | null | undefined][] = [
    ['exactly the minimum', { pay: 127.1, hours: 10, rate: 12.71 }, true],
    ['a penny short', { pay: 127.09, hours: 10, rate: 12.71 }, false],
    ['hours rounded to 2 places first', { pay: 127.1, hours: 10.004, rate: 12.71 }, true],
    ['free accommodation counts towards pay', { pay: 100, hours: 10, rate: 12.71, adjustment: 27.1 }, true],
    [
      'a charge above the offset counts against it',
      { pay: 127.1, hours: 10, rate: 12.71, adjustment: -1 },
      false,
    ],
    ['floating point does not tip the line', { pay: 0.3, hours: 3, rate: 0.1 }, true],
    ['a skipped input: does not apply', { pay: null, hours: 10, rate: 12.71 }, null],
  ];
  for (const [name, args, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(run(args)).to.equal(expected));
  }
  it('cannot tell without numbers', () => {
    expect(payCoversRate.evaluate({ pay: '1', hours: 1, rate: 1 }, { asOf: '2026-06-01' })).to.equal(
      undefined,
    );
  });

  describe('roundHalfAwayFromZero', () => {
    const rounding: [number, number, number][] = [
      [1.005, 2, 1.01],
      [2.675, 2, 2.68],
      [-1.005, 2, -1.01],
      [1.004, 2, 1],
      [0.5714285, 3, 0.571],
    ];
    for (const [x, places, expected] of rounding) {
      it(`${x} to ${places} places: ${expected}`, () =>
        expect(roundHalfAwayFromZero(x, places)).to.equal(expected));
    }
  });
});
