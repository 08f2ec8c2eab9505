/**
 * Dated parameters: a threshold or table is a list of values, each in force over a period
 * (`from` and `to` both included, no `to` meaning "until further notice"). An uprating is a new
 * entry in content, never a code change.
 */
import type { DatedValue, ParameterDef, ParameterValue } from './model.js';

/** The entry in force on `date` (YYYY-MM-DD), or undefined when the parameter has none then. */
export function datedValueOn(parameter: ParameterDef, date: string): DatedValue | undefined {
  // Latest start first, so that an open-ended entry is superseded by a newer one.
  let best: DatedValue | undefined;
  for (const entry of parameter.values) {
    if (entry.from > date) continue;
    if (entry.to !== undefined && entry.to < date) continue;
    if (best === undefined || entry.from > best.from) best = entry;
  }
  return best;
}

export function parameterValueOn(parameter: ParameterDef, date: string): ParameterValue | undefined {
  return datedValueOn(parameter, date)?.value;
}

/** Periods that overlap or leave gaps, for `kb validate` (each as a short English message). */
export function parameterPeriodProblems(parameter: ParameterDef): string[] {
  const sorted = [...parameter.values].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const problems: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (previous.to === undefined || previous.to >= current.from) {
      problems.push(`values from ${previous.from} and from ${current.from} overlap`);
    }
  }
  for (const entry of parameter.values) {
    if (entry.to !== undefined && entry.to < entry.from)
      problems.push(`value from ${entry.from} ends before it starts`);
  }
  return problems;
}
