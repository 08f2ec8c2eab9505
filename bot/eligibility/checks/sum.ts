/**
 * The sum of its arguments (whatever they are called), rounded to the penny: total pay is basic
 * pay plus what accommodation adds or takes. An argument whose question was skipped counts as 0.
 */
import { roundHalfAwayFromZero as round } from './pay-covers-rate.js';
import type { NamedCheck } from './types.js';

export const sum: NamedCheck = {
  id: 'sum',
  kind: 'calculation',
  description: 'the sum of its arguments, to 2 decimal places (a skipped answer counts as 0)',
  args: [],
  evaluate(args) {
    let total = 0;
    for (const value of Object.values(args)) {
      if (value === null) continue;
      if (typeof value !== 'number') return undefined;
      total += value;
    }
    return round(total, 2);
  },
};
