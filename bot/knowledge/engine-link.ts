/**
 * What the validator takes from the eligibility engine: the ids of the named checks and calculations
 * it registers. kb validate fails on a rule naming any other, and lists these in its hint.
 */
import { NAMED_CHECKS } from '../eligibility/checks/index.js';

export async function registeredChecks(): Promise<string[]> {
  return [...NAMED_CHECKS.keys()];
}
