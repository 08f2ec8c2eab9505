/**
 * Someone's exact age on a date, as whole years, months and days ("66 years, 1 month, 2 days").
 * Months and years are counted as calendar steps from the birth date (a step that lands past the
 * end of a shorter month lands on its last day), then the days left over. Someone born on
 * 29 February reaches a date that is not 29 February one day later than the calendar says: their
 * age is counted to the day before (GOV.UK's rule for State Pension age, so that a 1 March State
 * Pension date after a 29 February birthday reads "66 years", not "66 years, 1 day").
 */
import { addPeriod, compareDates, parseIsoDate, type CalendarDate } from '../dates.js';
import type { NamedCheck } from './types.js';

export const ageOnDate: NamedCheck = {
  id: 'age_on_date',
  kind: 'calculation',
  description: 'exact age on a date as {years, months, days}, for someone born on a date of birth',
  args: [
    { name: 'born', required: true, description: 'date of birth (YYYY-MM-DD)' },
    { name: 'on', required: true, description: 'the date to give the age on (YYYY-MM-DD)' },
  ],
  evaluate({ born, on }) {
    if (born === null || on === null) return null;
    const from = typeof born === 'string' ? parseIsoDate(born) : undefined;
    const given = typeof on === 'string' ? parseIsoDate(on) : undefined;
    if (!from || !given || compareDates(given, from) < 0) return undefined;
    const to =
      from.month === 2 && from.day === 29 && !(given.month === 2 && given.day === 29)
        ? addPeriod(given, 0, 0, -1)
        : given;
    return exactAge(from, to);
  },
};

function exactAge(from: CalendarDate, to: CalendarDate): { years: number; months: number; days: number } {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (compareDates(addPeriod(from, 0, months), to) > 0) months -= 1;
  const reached = addPeriod(from, 0, Math.max(months, 0));
  const days = Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(reached.year, reached.month - 1, reached.day)) /
      86_400_000,
  );
  return { years: Math.floor(months / 12), months: months % 12, days };
}
