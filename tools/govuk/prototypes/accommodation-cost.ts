/**
 * PROTOTYPE of a named calculation the engine does not have yet (for bot/eligibility/checks/):
 * what accommodation an employer provides counts as pay for the minimum wage, per pay period.
 *
 *   free accommodation            + offset x nights
 *   charged below the offset        0
 *   charged at or above the offset  (offset x nights) - (charge x nights), so zero or less
 *
 * worked out per week, then scaled to the pay period (days / 7, rounded to 3 places), rounded to
 * pennies half away from zero. No accommodation (nights not asked) counts 0.
 */
import { roundHalfAwayFromZero } from '../../../bot/eligibility/checks/pay-covers-rate.js';
import type { NamedCheck } from '../../../bot/eligibility/checks/types.js';

export const minimumWageAccommodationCost: NamedCheck = {
  id: 'minimum_wage_accommodation_cost',
  kind: 'calculation',
  description:
    'what accommodation from the employer adds to (or takes from) pay for the minimum wage, per pay period',
  args: [
    { name: 'offset', required: true, description: 'the accommodation offset per day (a parameter)' },
    {
      name: 'charge',
      required: false,
      description: 'what the employer charges per day (money; missing when free)',
    },
    {
      name: 'nights',
      required: false,
      description: 'nights a week in the accommodation (missing when none)',
    },
    { name: 'days', required: true, description: 'days in the pay period' },
  ],
  evaluate({ offset, charge, nights, days }) {
    if (nights === null || nights === undefined) return 0;
    if (typeof offset !== 'number' || typeof nights !== 'number' || typeof days !== 'number')
      return undefined;
    const perDay = typeof charge === 'number' ? charge : 0;
    const round2 = (x: number): number => roundHalfAwayFromZero(x, 2);
    const weekly =
      perDay > 0
        ? perDay < offset
          ? 0
          : round2(round2(offset * nights) - perDay * nights)
        : round2(offset * nights);
    return round2(weekly * roundHalfAwayFromZero(days / 7, 3));
  },
};
