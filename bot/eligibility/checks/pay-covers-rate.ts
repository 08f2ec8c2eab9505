/**
 * Whether pay for a period covers an hourly rate for the hours worked, the way the minimum wage
 * is checked: round(rate x round(hours, 2), 2) <= round(pay + adjustment, 2), in pennies so that
 * floating point cannot tip a case that is exactly on the line. `adjustment` is what counts
 * towards pay besides money (free accommodation, for example), which may be negative.
 */
import type { NamedCheck } from './types.js';

export const payCoversRate: NamedCheck = {
  id: 'pay_covers_rate',
  kind: 'predicate',
  description: 'pay (plus an adjustment) for a period is at least the hourly rate times the hours',
  args: [
    { name: 'pay', required: true, description: 'pay for the period (money)' },
    { name: 'hours', required: true, description: 'hours worked in the period (number)' },
    { name: 'rate', required: true, description: 'the hourly rate (a parameter or calculation)' },
    { name: 'adjustment', required: false, description: 'amount added to pay, may be negative (money)' },
  ],
  evaluate({ pay, hours, rate, adjustment }) {
    if (pay === null || hours === null || rate === null) return null;
    if (typeof pay !== 'number' || typeof hours !== 'number' || typeof rate !== 'number') return undefined;
    const extra = typeof adjustment === 'number' ? adjustment : 0;
    const due = roundHalfAwayFromZero(rate * roundHalfAwayFromZero(hours, 2), 2);
    const paid = roundHalfAwayFromZero(pay + extra, 2);
    return Math.round(due * 100) <= Math.round(paid * 100);
  },
};

/** Rounds half away from zero to `places` decimals (1.005 is treated as the 1.005 a person means). */
export function roundHalfAwayFromZero(x: number, places: number): number {
  const factor = 10 ** places;
  const scaled = Math.abs(x) * factor;
  // Nudge by a relative epsilon so that 1.005 * 100 = 100.49999... still rounds up.
  const rounded = Math.round(scaled * (1 + Number.EPSILON * 4));
  return (Math.sign(x) * rounded) / factor;
}
