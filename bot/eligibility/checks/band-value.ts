/**
 * The value of the band a number falls in, from a table parameter: rows of
 * `{ "from": n, "below"?: n, "value": v }`, a band holding x when from <= x < below. Used for
 * rates that depend on age (the minimum wage by age band) without writing the bands in code.
 */
import type { NamedCheck, Value } from './types.js';

interface Band {
  from: number;
  below?: number;
  value: Value;
}

export const bandValue: NamedCheck = {
  id: 'band_value',
  kind: 'calculation',
  description: 'the value of the band (from <= x < below) that x falls in, from a table parameter',
  args: [
    { name: 'x', required: true, description: 'the number to place (an age, an amount)' },
    { name: 'bands', required: true, description: 'rows of {from, below?, value} (a parameter)' },
  ],
  evaluate({ x, bands }) {
    if (x === null || x === undefined) return null;
    if (typeof x !== 'number' || !Array.isArray(bands)) return undefined;
    for (const band of bands as readonly Value[]) {
      if (!isBand(band)) return undefined;
      if (x >= band.from && (band.below === undefined || x < band.below)) return band.value;
    }
    return undefined;
  },
};

function isBand(value: Value): value is Value & Band {
  return (
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { from?: unknown }).from === 'number' &&
    (value as { value?: unknown }).value !== undefined
  );
}
