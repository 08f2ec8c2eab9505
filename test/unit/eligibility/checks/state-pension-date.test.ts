import { expect } from 'chai';
import { statePensionDate } from '../../../../bot/eligibility/checks/state-pension-date.js';
import type { Value } from '../../../../bot/eligibility/checks/types.js';

// A few rows in the shape of the UK timetable (figures from the Pensions Acts, as content would hold them).
const timetable: Value = [
  { sex: 'female', bornFrom: '1950-04-06', bornTo: '1950-05-05', date: '2010-05-06' },
  { sex: 'female', bornFrom: '1890-01-01', bornTo: '1950-04-05', years: 60 },
  { sex: 'male', bornFrom: '1890-01-01', bornTo: '1953-12-05', years: 65 },
  { bornFrom: '1954-10-06', bornTo: '1960-04-05', years: 66 },
  { bornFrom: '1960-04-06', bornTo: '1960-05-05', years: 66, months: 1 },
  { bornFrom: '1961-03-06', bornTo: '1977-04-05', years: 67 },
];

const run = (dob: string | null, sex?: string | null) =>
  statePensionDate.evaluate(
    { dob, timetable, ...(sex !== undefined ? { sex } : {}) },
    { asOf: '2026-06-01' },
  );

describe('named check state_pension_date', () => {
  const cases: [string, string | null, string | null | undefined, string | null | undefined][] = [
    ['a fixed date row', '1950-04-20', 'female', '2010-05-06'],
    ['an offset row by sex', '1950-04-05', 'female', '2010-04-05'],
    ['the male row', '1950-04-20', 'male', '2015-04-20'],
    ['a row for everyone, sex skipped', '1958-07-01', null, '2024-07-01'],
    ['a row for everyone, first day of its range', '1954-10-06', undefined, '2020-10-06'],
    ['a row for everyone, last day of its range', '1960-04-05', undefined, '2026-04-05'],
    ['years and months', '1960-04-06', undefined, '2026-05-06'],
    ['29 February into a common year: 1 March', '1964-02-29', undefined, '2031-03-01'],
    ['29 February into another common year', '1972-02-29', undefined, '2039-03-01'],
    ['sex-only rows do not match without a sex', '1950-04-20', undefined, undefined],
    ['not in the timetable: cannot tell', '1900-01-01', 'other', undefined],
    ['skipped date of birth: does not apply', null, undefined, null],
    ['not a date: cannot tell', '1960-13-01', undefined, undefined],
  ];
  for (const [name, dob, sex, expected] of cases) {
    it(`${name}: ${expected}`, () => expect(run(dob, sex)).to.equal(expected));
  }
  it('29 February landing on a leap year stays 29 February', () => {
    const rows = [{ bornFrom: '1980-01-01', bornTo: '1980-12-31', years: 68 }];
    expect(
      statePensionDate.evaluate({ dob: '1980-02-29', timetable: rows }, { asOf: '2026-06-01' }),
    ).to.equal('2048-02-29');
  });
});
