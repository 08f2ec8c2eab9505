/**
 * The registry of named checks, by id. Adding one: write it in its own file with a unit test in
 * test/unit/eligibility/checks/, then list it here. `kb validate` reports rules naming an id
 * that is not here, and checks here that no rule uses.
 */
import { accommodationOffset } from './accommodation-offset.js';
import { ageOnDate } from './age-on-date.js';
import { bandValue } from './band-value.js';
import { payCoversRate } from './pay-covers-rate.js';
import { perHour } from './per-hour.js';
import { statePensionDate } from './state-pension-date.js';
import { sum } from './sum.js';
import type { NamedCheck } from './types.js';

export type { CheckArgs, CheckArgSpec, NamedCheck, Value } from './types.js';

export const NAMED_CHECKS: ReadonlyMap<string, NamedCheck> = new Map(
  [statePensionDate, bandValue, payCoversRate, accommodationOffset, ageOnDate, sum, perHour].map((check) => [
    check.id,
    check,
  ]),
);

/** The registered checks, sorted by id, for listings. */
export function listNamedChecks(): NamedCheck[] {
  return [...NAMED_CHECKS.values()].sort((a, b) => a.id.localeCompare(b.id));
}
