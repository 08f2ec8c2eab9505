/**
 * Named checks: the rare piece of policy logic that the JSON rule language cannot say well
 * (a legal timetable lookup, a pay calculation). Each is registered by id in checks/index.ts,
 * unit-tested, and listed by `kb validate`. Rules pass everything in as named arguments, so
 * policy numbers stay in dated parameters and the engine knows which questions a check needs.
 */
import type { ParameterValue } from '../model.js';

/** A known value: an answer, a parameter's value, a constant or a calculated value. */
export type Value = Exclude<ParameterValue, null>;

/** Arguments as the check receives them: `null` when the question was skipped (never asked). */
export type CheckArgs = Readonly<Record<string, Value | null>>;

export interface CheckArgSpec {
  readonly name: string;
  readonly required: boolean;
  /** What the argument is, for `kb validate` listings and error messages. */
  readonly description: string;
}

export interface NamedCheck {
  readonly id: string;
  /** A predicate is used as a rule (`{"check": id}`), a calculation as an operand (`{"calc": id}`). */
  readonly kind: 'predicate' | 'calculation';
  readonly description: string;
  readonly args: readonly CheckArgSpec[];
  /**
   * Runs only when no argument is unknown. Returns the value (true/false for a predicate),
   * `null` when it does not apply (a skipped input), or `undefined` when it cannot tell
   * (for example a malformed table): the rule leaf then stays unknown.
   */
  evaluate(args: CheckArgs, context: { asOf: string }): Value | null | undefined;
}
