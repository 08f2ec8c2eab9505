import { expect } from 'chai';
import { perHour } from '../../../../bot/eligibility/checks/per-hour.js';

describe('named check per_hour', () => {
  const cases: [Record<string, number | string | null>, number | null | undefined][] = [
    [{ pay: 600, hours: 40 }, 15],
    [{ pay: 187.46, hours: 39 }, 4.81],
    [{ pay: 100, hours: 3 }, 33.33],
    [{ pay: 100, hours: 0 }, null],
    [{ pay: null, hours: 40 }, null],
    [{ pay: 'x', hours: 40 }, undefined],
  ];
  for (const [args, expected] of cases) {
    it(`${JSON.stringify(args)}: ${expected}`, () =>
      expect(perHour.evaluate(args, { asOf: '2026-01-01' })).to.equal(expected));
  }
});
