import { expect } from 'chai';
import { accommodationOffset } from '../../../../bot/eligibility/checks/accommodation-offset.js';

const run = (args: Record<string, number | null>) =>
  accommodationOffset.evaluate(args, { asOf: '2026-06-01' });

describe('named check accommodation_offset', () => {
  // Offset rate 11.10 a day (April 2026 figure, as a parameter would give it).
  const cases: [string, Record<string, number | null>, number | undefined][] = [
    ['no accommodation (nights skipped)', { nights: null, charge: null, offsetRate: 11.1, periodDays: 7 }, 0],
    ['free, 7 nights, weekly pay', { nights: 7, charge: null, offsetRate: 11.1, periodDays: 7 }, 77.7],
    ['free, charge given as 0', { nights: 5, charge: 0, offsetRate: 11.1, periodDays: 7 }, 55.5],
    [
      'free, monthly pay (30 days: x 4.286)',
      { nights: 7, charge: null, offsetRate: 11.1, periodDays: 30 },
      333.02,
    ],
    ['charged below the offset rate: nothing', { nights: 7, charge: 10, offsetRate: 11.1, periodDays: 7 }, 0],
    ['charged at the offset rate: nothing', { nights: 7, charge: 11.1, offsetRate: 11.1, periodDays: 7 }, 0],
    [
      'charged above the offset rate: the excess is taken off',
      { nights: 7, charge: 15, offsetRate: 11.1, periodDays: 7 },
      -27.3,
    ],
    ['not numbers: cannot tell', { nights: 7, charge: null, offsetRate: null, periodDays: 7 }, undefined],
  ];
  for (const [name, args, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(run(args)).to.equal(expected));
  }
});
