/**
 * Runs a pack's scenario tests on the eligibility engine: answers and an as-of date in, the expected
 * outcome per service or screening out. Each failure names the case, where it is written, and the
 * field that differs, so an editor can fix the case or the rule.
 */
import { assess, nextOnRoute, validateAnswers, valuesOf, type Value } from '../eligibility/index.js';
import type { KnowledgePack } from './pack.js';
import type { AnswerValue, ScenarioCase } from './types.js';

export interface Difference {
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface CaseResult {
  file: string;
  line: number;
  name: string;
  passed: boolean;
  differences: Difference[];
  /** Set when the case could not run at all (an invalid answer, an unknown id). */
  error?: string;
}

const WEEKS_PER = { week: 1, month: 52 / 12, year: 52 } as const;

/** Money given for a month or a year is compared as a weekly amount, as the rules are written. */
function engineAnswer(value: AnswerValue): unknown {
  if (typeof value === 'object' && !Array.isArray(value))
    return Math.round((value.amount / WEEKS_PER[value.period]) * 100) / 100;
  return value;
}

/** JSON with object keys sorted, so {years, months, days} matches in any key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Runs one case, wherever it is written (the pack's scenarios, or a converter's own files). */
export function runCase(pack: KnowledgePack, c: ScenarioCase): Omit<CaseResult, 'file' | 'line' | 'name'> {
  const id = c.screening ?? c.service ?? '';
  const raw = Object.fromEntries(Object.entries(c.answers).map(([q, v]) => [q, engineAnswer(v)]));
  const checked = validateAnswers(pack.model, raw, c.asOf);
  if (!checked.ok)
    return {
      passed: false,
      differences: [],
      error: `answer ${checked.question}: ${checked.message} (allowed: ${checked.allowed})`,
    };
  const given = c.given as Record<string, Value | null> | undefined;
  const result = assess(pack.model, id, checked.answers, c.asOf, given ? { given } : {});
  if (!result) return { passed: false, differences: [], error: `"${id}" is not a screening or service` };
  const differences: Difference[] = [];
  const e = c.expect;
  if (e.outcome !== undefined) {
    const actual = result.services.find((s) => s.id === c.service)?.outcome ?? result.services[0]?.outcome;
    if (actual !== e.outcome) differences.push({ field: 'outcome', expected: e.outcome, actual });
  }
  for (const key of ['eligible', 'ineligible', 'unknown'] as const) {
    const expected = e[key];
    if (expected !== undefined && !sameList(expected, result[key]))
      differences.push({ field: key, expected, actual: result[key] });
  }
  if (e.nextQuestion !== undefined && e.nextQuestion !== result.nextQuestion) {
    differences.push({ field: 'nextQuestion', expected: e.nextQuestion, actual: result.nextQuestion });
  }
  if (e.values !== undefined) {
    const actual = valuesOf(result.context, Object.keys(e.values));
    for (const [key, expected] of Object.entries(e.values)) {
      if (canonical(actual[key] ?? 'unknown') !== canonical(expected))
        differences.push({ field: `values.${key}`, expected, actual: actual[key] ?? 'not worked out' });
    }
  }
  if (e.nextOnRoute !== undefined) {
    const actual = nextOnRoute(result.context, result.order);
    if (actual !== e.nextOnRoute) differences.push({ field: 'nextOnRoute', expected: e.nextOnRoute, actual });
  }
  return { passed: differences.length === 0, differences };
}

export function runScenarios(pack: KnowledgePack): CaseResult[] {
  const results: CaseResult[] = [];
  for (const { file, value, lines } of pack.scenarios) {
    value.cases.forEach((c, i) => {
      const line = lines[i] ?? 1;
      let outcome: Omit<CaseResult, 'file' | 'line' | 'name'>;
      try {
        outcome = runCase(pack, c);
      } catch (error) {
        outcome = {
          passed: false,
          differences: [],
          error: `the engine failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      results.push({ file, line, name: c.name, ...outcome });
    });
  }
  return results;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'nothing';
}

/** One failure as the editor reads it. */
export function formatCaseResult(r: CaseResult): string {
  const head = `${r.passed ? 'pass' : 'FAIL'} ${r.file}:${r.line} ${r.name}`;
  if (r.passed) return head;
  if (r.error) return `${head}\n    ${r.error}`;
  return [
    head,
    ...r.differences.map((d) => `    ${d.field}: expected ${show(d.expected)}, got ${show(d.actual)}`),
  ].join('\n');
}
