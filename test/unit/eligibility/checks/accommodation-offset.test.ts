import { expect } from 'chai';
import { accommodationOffset } from '../../../../bot/eligibility/checks/accommodation-offset.js';

const run = (args: Record<string, number | null>) =>
  accommodationOffset.evaluate(args, { asOf: '2026-06-01' });

describe('named check accommodation_offset', () => {
  // Offset rate 11.10 a day (April 2026 figure, as a parameter would give it).
  const cases: [string, Record<string, number | null>, number | null | undefined][] = [
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
    ['no nights, even with a charge', { nights: 0, charge: 15, offsetRate: 11.1, periodDays: 7 }, 0],
    ['five-day pay period (x 0.714)', { nights: 7, charge: null, offsetRate: 11.1, periodDays: 5 }, 55.48],
    // GOV.UK's calculator tests (mw-U045..U047 at the 10.66 rate, mw-U094..U096 at 11.10).
    ['GOV.UK: 3.50 a day for 5 nights', { nights: 5, charge: 3.5, offsetRate: 10.66, periodDays: 7 }, 0],
    ['GOV.UK: free, 4 nights', { nights: 4, charge: 0, offsetRate: 10.66, periodDays: 7 }, 42.64],
    ['GOV.UK: 10.90 a day for 5 nights', { nights: 5, charge: 10.9, offsetRate: 10.66, periodDays: 7 }, -1.2],
    ['GOV.UK: free, 4 nights (11.10)', { nights: 4, charge: 0, offsetRate: 11.1, periodDays: 7 }, 44.4],
    ['GOV.UK: 12.10 a day for 5 nights', { nights: 5, charge: 12.1, offsetRate: 11.1, periodDays: 7 }, -5],
    [
      'no pay period asked (the other branch): does not apply',
      { nights: null, charge: null, offsetRate: 11.1, periodDays: null },
      null,
    ],
    ['not numbers: cannot tell', { nights: 7, charge: null, offsetRate: null, periodDays: 7 }, undefined],
  ];
  for (const [name, args, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(run(args)).to.equal(expected));
  }
});
