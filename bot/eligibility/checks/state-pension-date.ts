/**
 * The date someone reaches State Pension age, from a legal timetable held as a dated parameter.
 *
 * The timetable (Pensions Acts 1995 to 2014 in the UK) is content: rows of
 * `{ "sex"?: "female" | "male", "bornFrom"?: date, "bornTo"?: date, "date"?: date,
 *    "years"?: n, "months"?: n }`. The first row whose birth range holds the date of birth (both
 * ends included, a missing end open) and whose `sex`, if any, equals the answer wins: a fixed
 * `date`, or the date of birth plus `years` and `months`. Rows without `sex` apply to everyone;
 * rows with one apply only when sex was asked. Someone born on 29 February whose anniversary
 * falls in a common year reaches it on 1 March, as birthdays are counted in law.
 */
import { addPeriod, formatIsoDate, parseIsoDate } from '../dates.js';
import type { NamedCheck, Value } from './types.js';

interface TimetableRow {
  sex?: string;
  bornFrom?: string;
  bornTo?: string;
  date?: string;
  years?: number;
  months?: number;
}

export const statePensionDate: NamedCheck = {
  id: 'state_pension_date',
  kind: 'calculation',
  description: 'date of reaching State Pension age, from a date of birth and a timetable parameter',
  args: [
    { name: 'dob', required: true, description: 'date of birth (a date question)' },
    { name: 'timetable', required: true, description: 'the timetable rows (a parameter)' },
    { name: 'sex', required: false, description: 'legal sex, when the timetable differs by sex (a choice)' },
  ],
  evaluate(args) {
    const { dob, timetable, sex } = args;
    if (dob === null || dob === undefined) return null;
    const born = typeof dob === 'string' ? parseIsoDate(dob) : undefined;
    if (born === undefined || !Array.isArray(timetable)) return undefined;
    for (const row of timetable as readonly Value[]) {
      if (!isRow(row) || !rowMatches(row, dob as string, typeof sex === 'string' ? sex : undefined)) continue;
      if (row.date !== undefined) return row.date;
      const reached = addPeriod(born, row.years ?? 0, row.months ?? 0);
      // addPeriod clamped 29 February to the 28th of a common year: the birthday is 1 March.
      const clamped = born.month === 2 && born.day === 29 && reached.month === 2 && reached.day === 28;
      if (clamped) {
        return formatIsoDate({ year: reached.year, month: 3, day: 1 });
      }
      return formatIsoDate(reached);
    }
    return undefined; // not in the timetable: content to fix, so say "unknown" rather than guess
  },
};

function isRow(value: Value): value is Value & TimetableRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rowMatches(row: TimetableRow, dob: string, sex: string | undefined): boolean {
  if (row.sex !== undefined && row.sex !== sex) return false;
  if (row.bornFrom !== undefined && dob < row.bornFrom) return false;
  if (row.bornTo !== undefined && dob > row.bornTo) return false;
  return true;
}
