/**
 * Pay per hour, to the penny: what a pay period's pay comes to for each hour worked (the figure
 * people compare with the minimum wage). No hours, or hours not asked: it does not apply.
 */
import { roundHalfAwayFromZero as round } from './pay-covers-rate.js';
import type { NamedCheck } from './types.js';

export const perHour: NamedCheck = {
  id: 'per_hour',
  kind: 'calculation',
  description: 'pay per hour to 2 decimal places: pay divided by hours',
  args: [
    { name: 'pay', required: true, description: 'pay for the period' },
    { name: 'hours', required: true, description: 'hours worked in the period' },
  ],
  evaluate({ pay, hours }) {
    if (pay === null || hours === null || hours === 0) return null;
    if (typeof pay !== 'number' || typeof hours !== 'number') return undefined;
    return round(pay / hours, 2);
  },
};
