import { expect } from 'chai';
import {
  addPeriod,
  ageOn,
  formatIsoDate,
  parseIsoDate,
  timeBetween,
} from '../../../bot/eligibility/dates.js';
import type { TimeUnit } from '../../../bot/eligibility/rules.js';

const d = (text: string) => {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`bad date in test: ${text}`);
  return date;
};

describe('dates', () => {
  describe('parseIsoDate', () => {
    const cases: [string, boolean][] = [
      ['2024-02-29', true],
      ['2023-02-29', false],
      ['1900-02-29', false],
      ['2000-02-29', true],
      ['2024-13-01', false],
      ['2024-04-31', false],
      ['2024-4-1', false],
      ['24-04-01', false],
      ['2024-04-01T00:00', false],
    ];
    for (const [text, real] of cases) {
      it(`${text} is ${real ? '' : 'not '}a real date`, () =>
        expect(parseIsoDate(text) !== undefined).to.equal(real));
    }
  });

  describe('ageOn', () => {
    const cases: [born: string, on: string, age: number][] = [
      ['1960-06-15', '2026-06-14', 65],
      ['1960-06-15', '2026-06-15', 66], // the birthday itself
      ['1960-06-15', '2026-06-16', 66],
      ['2000-02-29', '2023-02-28', 22], // a 29 February birthday in a common year...
      ['2000-02-29', '2023-03-01', 23], // ...comes on 1 March
      ['2000-02-29', '2024-02-28', 23],
      ['2000-02-29', '2024-02-29', 24], // and on the day in a leap year
      ['2000-01-01', '1999-12-31', -1],
    ];
    for (const [born, on, age] of cases) {
      it(`born ${born}, on ${on}: ${age}`, () => expect(ageOn(d(born), d(on))).to.equal(age));
    }
  });

  describe('timeBetween', () => {
    const cases: [from: string, to: string, unit: TimeUnit, n: number][] = [
      ['2026-01-01', '2026-01-01', 'days', 0],
      ['2026-01-01', '2026-03-01', 'days', 59],
      ['2024-01-01', '2024-03-01', 'days', 60],
      ['2026-03-28', '2026-03-30', 'days', 2], // across a daylight-saving change
      ['2026-01-01', '2026-01-14', 'weeks', 1],
      ['2026-01-01', '2026-01-15', 'weeks', 2],
      ['2026-01-31', '2026-02-28', 'months', 1], // the last day of a shorter month completes it
      ['2026-01-15', '2026-02-14', 'months', 0],
      ['2026-01-15', '2026-02-15', 'months', 1],
      ['2020-05-10', '2026-05-09', 'years', 5],
      ['2026-03-01', '2026-01-01', 'days', -59],
    ];
    for (const [from, to, unit, n] of cases) {
      it(`${from} to ${to}: ${n} ${unit}`, () => expect(timeBetween(d(from), d(to), unit)).to.equal(n));
    }
  });

  describe('addPeriod', () => {
    const cases: [date: string, years: number, months: number, days: number, result: string][] = [
      ['2026-01-31', 0, 1, 0, '2026-02-28'],
      ['2024-01-31', 0, 1, 0, '2024-02-29'],
      ['2000-02-29', 66, 0, 0, '2066-02-28'],
      ['1960-04-06', 66, 1, 0, '2026-05-06'],
      ['2026-12-31', 0, 0, 1, '2027-01-01'],
      ['2026-03-01', 0, -2, -1, '2025-12-31'],
    ];
    for (const [date, years, months, days, result] of cases) {
      it(`${date} + ${years}y ${months}m ${days}d = ${result}`, () =>
        expect(formatIsoDate(addPeriod(d(date), years, months, days))).to.equal(result));
    }
  });
});
