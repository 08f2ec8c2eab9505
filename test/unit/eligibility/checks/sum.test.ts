import { expect } from 'chai';
import { sum } from '../../../../bot/eligibility/checks/sum.js';

describe('named check sum', () => {
  const cases: [Record<string, number | string | null>, number | undefined][] = [
    [{ basic: 187.46, accommodation: 100 }, 287.46],
    [{ basic: 187.46, accommodation: -5.36 }, 182.1],
    [{ basic: 260, accommodation: -26.68 }, 233.32],
    [{ basic: 0.1, accommodation: 0.2 }, 0.3],
    [{ basic: 100, accommodation: null }, 100],
    [{}, 0],
    [{ basic: 100, accommodation: 'x' }, undefined],
  ];
  for (const [args, expected] of cases) {
    it(`${JSON.stringify(args)}: ${expected}`, () =>
      expect(sum.evaluate(args, { asOf: '2026-01-01' })).to.equal(expected));
  }
});
