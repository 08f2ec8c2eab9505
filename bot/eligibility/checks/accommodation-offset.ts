/**
 * How much accommodation from an employer counts towards pay for the minimum wage, for one pay
 * period (the "accommodation offset"). Free accommodation adds the offset rate for each night;
 * accommodation charged at or above the offset rate takes off what is charged above it; charged
 * below the rate, it counts for nothing. The weekly amount is scaled to the pay period
 * (days / 7, rounded to 3 places) as the GOV.UK calculator does. The offset rate is a parameter.
 */
import { roundHalfAwayFromZero as round } from './pay-covers-rate.js';
import type { NamedCheck } from './types.js';

export const accommodationOffset: NamedCheck = {
  id: 'accommodation_offset',
  kind: 'calculation',
  description: 'amount that accommodation adds to (or takes from) pay for a pay period, for the minimum wage',
  args: [
    {
      name: 'nights',
      required: true,
      description: 'nights a week in the accommodation (skipped: none provided)',
    },
    { name: 'charge', required: false, description: 'charge per day (skipped or 0: free)' },
    {
      name: 'offsetRate',
      required: true,
      description: 'the accommodation offset rate per day (a parameter)',
    },
    { name: 'periodDays', required: true, description: 'days in the pay period' },
  ],
  evaluate({ nights, charge, offsetRate, periodDays }) {
    if (periodDays === null) return null; // no pay period asked (another branch): does not apply
    if (nights === null || nights === undefined) return 0; // no accommodation: nothing to count
    if (typeof nights !== 'number' || typeof offsetRate !== 'number' || typeof periodDays !== 'number') {
      return undefined;
    }
    const perDay = typeof charge === 'number' ? charge : 0;
    const offsetForWeek = round(offsetRate * nights, 2);
    const perWeek =
      perDay <= 0 ? offsetForWeek : perDay < offsetRate ? 0 : round(offsetForWeek - perDay * nights, 2);
    return round(perWeek * round(periodDays / 7, 3), 2);
  },
};
