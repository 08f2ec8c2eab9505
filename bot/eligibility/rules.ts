/**
 * The rule language: the JSON an editor writes in a service's `rule` or a question's `askIf`.
 *
 * It is deliberately tiny (docs/style.md, "a tiny rule language"): boolean combinators, one
 * comparison per leaf, and operands that name things (a question, a dated parameter, a named
 * list, a named check) rather than compute them. Anything that does not fit is a named check
 * written in TypeScript and unit-tested (see checks/). No strings are ever parsed as expressions.
 *
 * knowledge/schema/rule.schema.json describes exactly these types; keep the two in step.
 */
import type { LocalText } from './model.js';

/** A constant written straight into the rule: a choice id, a number, an ISO date, a yes/no. */
export type Literal = string | number | boolean;

/** The answer to a question (a choice id, a list of ids, a number, an ISO date...). */
export interface QuestionOperand {
  question: string;
}
/** A dated parameter's value as at the as-of date (or as at `on`, a date operand). */
export interface ParamOperand {
  param: string;
  on?: Operand;
}
/** A named list of ids (for example a group of countries); used with `in` and `notIn`. */
export interface ListOperand {
  list: string;
}
/** Age in whole years of someone born on `age` (a date operand), as at the as-of date or `on`. */
export interface AgeOperand {
  age: Operand;
  on?: Operand;
}
/** Whole units between two dates; `to` defaults to the as-of date. */
export interface TimeBetweenOperand {
  timeBetween: { from: Operand; to?: Operand; unit: TimeUnit };
}
export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';
/** The as-of date itself (evaluation never reads the real clock). */
export interface AsOfOperand {
  asOf: true;
}
/** A value computed by a named calculation registered in checks/ (for example a State Pension date). */
export interface CalcOperand {
  calc: string;
  args?: Record<string, Operand>;
}

/** A named value a screening defines (`values`), computed from the answers like any operand. */
export interface ValueOperand {
  value: string;
}
/** A date moved by whole years, months and days; past the end of a shorter month, its last day. */
export interface AddPeriodOperand {
  addPeriod: { date: Operand; years?: number; months?: number; days?: number };
}
/** The first operand with a value (one whose question was skipped is passed over). */
export interface FirstOfOperand {
  firstOf: Operand[];
}

export type Operand =
  | Literal
  | readonly (string | number)[]
  | QuestionOperand
  | ParamOperand
  | ListOperand
  | AgeOperand
  | TimeBetweenOperand
  | AsOfOperand
  | CalcOperand
  | ValueOperand
  | AddPeriodOperand
  | FirstOfOperand;

/**
 * Optional fields any rule node may carry. `because` is the plain-language clause used when the
 * node comes out true ("you are State Pension age or over"), `becauseNot` when it comes out false
 * ("you care for someone less than 35 hours a week"). `id` names the node in traces and tests.
 */
export interface RuleAnnotations {
  id?: string;
  because?: LocalText;
  becauseNot?: LocalText;
}

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'];

/** True when every rule holds; `{"all": []}` is always true (a service open to all in its nations). */
export interface AllRule extends RuleAnnotations {
  all: Rule[];
}
export interface AnyRule extends RuleAnnotations {
  any: Rule[];
}
export interface NotRule extends RuleAnnotations {
  not: Rule;
}
export type EqRule = RuleAnnotations & { eq: [Operand, Operand] };
export type NeRule = RuleAnnotations & { ne: [Operand, Operand] };
export type LtRule = RuleAnnotations & { lt: [Operand, Operand] };
export type LteRule = RuleAnnotations & { lte: [Operand, Operand] };
export type GtRule = RuleAnnotations & { gt: [Operand, Operand] };
export type GteRule = RuleAnnotations & { gte: [Operand, Operand] };
/** The value is one of the list (a literal list, a named list, or a list-valued parameter). */
export type InRule = RuleAnnotations & { in: [Operand, Operand] };
export type NotInRule = RuleAnnotations & { notIn: [Operand, Operand] };
/** low <= value <= high, both ends included. */
export type BetweenRule = RuleAnnotations & { between: [Operand, Operand, Operand] };
/** A multiple-choice answer contains the choice, or at least one of a list of choices. */
export type IncludesRule = RuleAnnotations & { includes: [Operand, Operand] };
/** The question has an answer (false once it can no longer be asked, unknown until then). */
export type AnsweredRule = RuleAnnotations & { answered: string };
/** A named predicate registered in checks/, given operands as named arguments. */
export type CheckRule = RuleAnnotations & { check: string; args?: Record<string, Operand> };

export type ComparisonRule = EqRule | NeRule | LtRule | LteRule | GtRule | GteRule;
export type Rule =
  | AllRule
  | AnyRule
  | NotRule
  | ComparisonRule
  | InRule
  | NotInRule
  | BetweenRule
  | IncludesRule
  | AnsweredRule
  | CheckRule;

// ---------------------------------------------------------------------------------------------
// References: what a rule names, so that `kb validate` can prove each one resolves and each
// definition is used (docs/style.md, principle 1).

export type ReferenceKind = 'question' | 'parameter' | 'check' | 'list' | 'choice' | 'value';

/** One reference and where it sits in the rule (a JSON path from the rule's root). */
export interface RuleReference {
  kind: ReferenceKind;
  /** The id named: a question, parameter, named check, named list or named value id; for `choice`, the choice id. */
  id: string;
  /** For `choice`: the question whose choice it is. */
  question?: string;
  path: (string | number)[];
}

export interface RuleReferences {
  questions: string[];
  parameters: string[];
  checks: string[];
  lists: string[];
  values: string[];
  choices: { question: string; choice: string }[];
}

/** Every id a rule uses, each once, in order of first appearance. */
export function ruleReferences(rule: Rule): RuleReferences {
  const out: RuleReferences = {
    questions: [],
    parameters: [],
    checks: [],
    lists: [],
    values: [],
    choices: [],
  };
  const seen = new Set<string>();
  for (const ref of ruleReferenceList(rule)) {
    const key = `${ref.kind}\u0000${ref.question ?? ''}\u0000${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (ref.kind === 'question') out.questions.push(ref.id);
    else if (ref.kind === 'parameter') out.parameters.push(ref.id);
    else if (ref.kind === 'check') out.checks.push(ref.id);
    else if (ref.kind === 'list') out.lists.push(ref.id);
    else if (ref.kind === 'value') out.values.push(ref.id);
    else out.choices.push({ question: ref.question ?? '', choice: ref.id });
  }
  return out;
}

/** Every reference with its path, duplicates kept, for problems reported at file:line:col. */
export function ruleReferenceList(rule: Rule, path: (string | number)[] = []): RuleReference[] {
  const refs: RuleReference[] = [];
  walkRule(rule, path, refs);
  return refs;
}

/** The rule's operator key ('all', 'eq', 'check'...), or undefined when it is not a rule. */
export function ruleOperator(rule: Rule): RuleOperator | undefined {
  for (const key of RULE_OPERATORS) if (key in rule) return key;
  return undefined;
}
export type RuleOperator =
  'all' | 'any' | 'not' | ComparisonOperator | 'in' | 'notIn' | 'between' | 'includes' | 'answered' | 'check';
export const RULE_OPERATORS: readonly RuleOperator[] = [
  'all',
  'any',
  'not',
  ...COMPARISON_OPERATORS,
  'in',
  'notIn',
  'between',
  'includes',
  'answered',
  'check',
];

/** The operands of a leaf rule, in order (empty for all/any/not/answered). */
export function ruleOperands(rule: Rule): readonly Operand[] {
  const op = ruleOperator(rule);
  if (op === undefined || op === 'all' || op === 'any' || op === 'not' || op === 'answered') return [];
  if (op === 'check') return Object.values((rule as CheckRule).args ?? {});
  return (rule as unknown as Record<string, Operand[]>)[op] ?? [];
}

function walkRule(rule: Rule, path: (string | number)[], refs: RuleReference[]): void {
  const op = ruleOperator(rule);
  if (op === undefined) return;
  if (op === 'all' || op === 'any') {
    const children = (rule as AllRule & AnyRule)[op];
    children.forEach((child, i) => walkRule(child, [...path, op, i], refs));
    return;
  }
  if (op === 'not') {
    walkRule((rule as NotRule).not, [...path, 'not'], refs);
    return;
  }
  if (op === 'answered') {
    refs.push({ kind: 'question', id: (rule as AnsweredRule).answered, path: [...path, 'answered'] });
    return;
  }
  if (op === 'check') {
    const check = rule as CheckRule;
    refs.push({ kind: 'check', id: check.check, path: [...path, 'check'] });
    for (const [name, arg] of Object.entries(check.args ?? {}))
      walkOperand(arg, [...path, 'args', name], refs);
    return;
  }
  const operands = (rule as unknown as Record<string, Operand[]>)[op] ?? [];
  operands.forEach((operand, i) => walkOperand(operand, [...path, op, i], refs));
  if (op === 'eq' || op === 'ne' || op === 'in' || op === 'notIn' || op === 'includes') {
    choiceReferences(operands, [...path, op], refs);
  }
}

/** A question compared with string literals names those literals as its choices. */
function choiceReferences(operands: Operand[], path: (string | number)[], refs: RuleReference[]): void {
  const [left, right] = operands;
  const pairs: [Operand | undefined, Operand | undefined, number][] = [
    [left, right, 1],
    [right, left, 0],
  ];
  for (const [subject, other, otherIndex] of pairs) {
    if (!isQuestionOperand(subject)) continue;
    if (typeof other === 'string') {
      refs.push({ kind: 'choice', id: other, question: subject.question, path: [...path, otherIndex] });
    } else if (Array.isArray(other)) {
      other.forEach((item, i) => {
        if (typeof item === 'string') {
          refs.push({ kind: 'choice', id: item, question: subject.question, path: [...path, otherIndex, i] });
        }
      });
    }
  }
}

/** Every reference inside one operand (a named value's definition is an operand). */
export function operandReferenceList(operand: Operand, path: (string | number)[] = []): RuleReference[] {
  const refs: RuleReference[] = [];
  walkOperand(operand, path, refs);
  return refs;
}

function walkOperand(operand: Operand, path: (string | number)[], refs: RuleReference[]): void {
  if (operand === null || typeof operand !== 'object' || Array.isArray(operand)) return;
  if ('question' in operand)
    refs.push({ kind: 'question', id: operand.question, path: [...path, 'question'] });
  else if ('param' in operand) {
    refs.push({ kind: 'parameter', id: operand.param, path: [...path, 'param'] });
    if (operand.on !== undefined) walkOperand(operand.on, [...path, 'on'], refs);
  } else if ('list' in operand) refs.push({ kind: 'list', id: operand.list, path: [...path, 'list'] });
  else if ('age' in operand) {
    walkOperand(operand.age, [...path, 'age'], refs);
    if (operand.on !== undefined) walkOperand(operand.on, [...path, 'on'], refs);
  } else if ('timeBetween' in operand) {
    walkOperand(operand.timeBetween.from, [...path, 'timeBetween', 'from'], refs);
    if (operand.timeBetween.to !== undefined)
      walkOperand(operand.timeBetween.to, [...path, 'timeBetween', 'to'], refs);
  } else if ('calc' in operand) {
    refs.push({ kind: 'check', id: operand.calc, path: [...path, 'calc'] });
    for (const [name, arg] of Object.entries(operand.args ?? {}))
      walkOperand(arg, [...path, 'args', name], refs);
  } else if ('value' in operand) refs.push({ kind: 'value', id: operand.value, path: [...path, 'value'] });
  else if ('addPeriod' in operand) walkOperand(operand.addPeriod.date, [...path, 'addPeriod', 'date'], refs);
  else if ('firstOf' in operand)
    operand.firstOf.forEach((item, i) => walkOperand(item, [...path, 'firstOf', i], refs));
}

export function isQuestionOperand(operand: Operand | undefined): operand is QuestionOperand {
  return typeof operand === 'object' && operand !== null && !Array.isArray(operand) && 'question' in operand;
}

/** Every plain-language text inside a rule (for translation checks), with its path. */
export function ruleTexts(
  rule: Rule,
  path: (string | number)[] = [],
): { text: LocalText; path: (string | number)[] }[] {
  const out: { text: LocalText; path: (string | number)[] }[] = [];
  if (rule.because) out.push({ text: rule.because, path: [...path, 'because'] });
  if (rule.becauseNot) out.push({ text: rule.becauseNot, path: [...path, 'becauseNot'] });
  if ('all' in rule) rule.all.forEach((c, i) => out.push(...ruleTexts(c, [...path, 'all', i])));
  else if ('any' in rule) rule.any.forEach((c, i) => out.push(...ruleTexts(c, [...path, 'any', i])));
  else if ('not' in rule) out.push(...ruleTexts(rule.not, [...path, 'not']));
  return out;
}
