import { expect } from 'chai';
import { ageOnDate } from '../../../../bot/eligibility/checks/age-on-date.js';

const run = (born: string | null, on: string | null) =>
  ageOnDate.evaluate({ born, on }, { asOf: '2026-08-21' });

describe('named check age_on_date', () => {
  // [born, on, years, months, days]; the GOV.UK ones are its State Pension age text cases.
  const cases: [string, string, number, number, number][] = [
    ['1961-02-28', '2022-02-28', 61, 0, 0],
    ['1961-02-28', '2022-03-28', 61, 1, 0],
    ['1961-02-28', '2022-03-30', 61, 1, 2],
    ['1960-04-06', '2026-05-06', 66, 1, 0],
    ['1960-05-20', '2026-07-20', 66, 2, 0],
    ['1960-12-08', '2027-09-08', 66, 9, 0],
    ['1961-02-28', '2028-01-28', 66, 11, 0],
    ['1980-02-29', '2040-03-01', 60, 0, 0], // 29 February: counted to the day before
    ['1980-02-29', '2048-02-29', 68, 0, 0],
    ['1980-03-01', '2048-03-01', 68, 0, 0],
    ['1981-02-28', '2049-02-28', 68, 0, 0],
    ['1960-01-31', '2026-02-28', 66, 1, 0], // a month step from 31 January lands on the last day of February
    ['1960-01-31', '2026-03-31', 66, 2, 0],
    ['2000-06-15', '2000-06-15', 0, 0, 0],
  ];
  for (const [born, on, years, months, days] of cases) {
    it(`born ${born}, on ${on}: ${years} y ${months} m ${days} d`, () =>
      expect(run(born, on)).to.deep.equal({ years, months, days }));
  }
  it('is absent when a date was not asked, and cannot tell for a date before the birth', () => {
    expect(run(null, '2026-01-01')).to.equal(null);
    expect(run('2026-01-02', '2026-01-01')).to.equal(undefined);
    expect(run('not a date', '2026-01-01')).to.equal(undefined);
  });
});
