/**
 * Rules turned into small closures, once per rule object, so that each evaluation only walks
 * and compares: the operator is looked up, literal operands wrapped and literal dates parsed
 * when the rule is first met, not on every turn. A pack's rules are frozen and shared, so the
 * cache (keyed by the rule object itself) lives as long as the pack does.
 *
 * The meaning of every node is documented in evaluate.ts; this file only makes it fast.
 */
import { addPeriod, ageOn, formatIsoDate, parseIsoDate, timeBetween, type CalendarDate } from './dates.js';
import type { EvaluationContext, TraceNode, Truth } from './evaluate.js';
import { parameterValueOn } from './parameters.js';
import type { NamedCheck, Value } from './checks/index.js';
import type { NamedValue } from './model.js';
import type { AddPeriodOperand, CheckRule, Operand, Rule, TimeUnit } from './rules.js';

/** An operand's value: known, absent because its question was skipped, or not known yet. */
export type Operated =
  | { readonly kind: 'value'; readonly value: Value }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown'; readonly waitingOn: readonly string[]; readonly problem?: string };

type NodeFn = (context: EvaluationContext) => TraceNode;
type OperandFn = (context: EvaluationContext) => Operated;

// Every trace node and operand value is built with the same fields in the same order, so the
// engine's property reads stay monomorphic (one hidden class each), which keeps them fast.
function trace(
  rule: Rule,
  truth: Truth,
  children?: readonly TraceNode[],
  waitingOn?: readonly string[],
  problem?: string,
  vacuous = false,
): TraceNode {
  return { rule, truth, children, waitingOn, problem, vacuous };
}

function known(value: Value): Operated {
  return { kind: 'value', value, waitingOn: undefined, problem: undefined } as Operated;
}

function unknown(waitingOn: readonly string[], problem?: string): Operated & { kind: 'unknown' } {
  return { kind: 'unknown', value: undefined, waitingOn, problem } as Operated & { kind: 'unknown' };
}

const MISSING: Operated = {
  kind: 'missing',
  value: undefined,
  waitingOn: undefined,
  problem: undefined,
} as Operated;
const compiledRules = new WeakMap<Rule, NodeFn>();

export function compileRule(rule: Rule): NodeFn {
  let fn = compiledRules.get(rule);
  if (fn === undefined) {
    fn = compileNode(rule);
    compiledRules.set(rule, fn);
  }
  return fn;
}

function compileNode(rule: Rule): NodeFn {
  if ('all' in rule) return combinator(rule, rule.all, 'no', 'yes');
  if ('any' in rule) return combinator(rule, rule.any, 'yes', 'no');
  if ('not' in rule) {
    const child = compileRule(rule.not);
    return (context) => {
      const node = child(context);
      return trace(rule, NEGATION[node.truth], [node], undefined, undefined, node.vacuous);
    };
  }
  if ('answered' in rule) return answered(rule, rule.answered);
  if ('check' in rule) return check(rule);
  if ('eq' in rule) return comparison(rule, rule.eq, equals, 'no');
  if ('ne' in rule) return comparison(rule, rule.ne, (a, b) => not(equals(a, b)), 'yes');
  if ('lt' in rule) return comparison(rule, rule.lt, (a, b) => order(a, b, (c) => c < 0), 'no');
  if ('lte' in rule) return comparison(rule, rule.lte, (a, b) => order(a, b, (c) => c <= 0), 'no');
  if ('gt' in rule) return comparison(rule, rule.gt, (a, b) => order(a, b, (c) => c > 0), 'no');
  if ('gte' in rule) return comparison(rule, rule.gte, (a, b) => order(a, b, (c) => c >= 0), 'no');
  if ('in' in rule) return comparison(rule, rule.in, member, 'no');
  if ('notIn' in rule) return comparison(rule, rule.notIn, (a, b) => not(member(a, b)), 'yes');
  if ('includes' in rule) return comparison(rule, rule.includes, includes, 'no');
  if ('between' in rule) return comparison(rule, rule.between, between, 'no');
  const broken = trace(rule, 'unknown', undefined, undefined, 'not a rule');
  return () => broken;
}

const NEGATION: Record<Truth, Truth> = { yes: 'no', no: 'yes', unknown: 'unknown' };

/** all: any `no` decides, else any `unknown`, else `yes`; any: the same with yes and no swapped. */
function combinator(rule: Rule, rules: readonly Rule[], dominant: Truth, neutral: Truth): NodeFn {
  const children = rules.map(compileRule);
  return (context) => {
    let truth: Truth = neutral;
    const traces: TraceNode[] = new Array<TraceNode>(children.length);
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!(context);
      traces[i] = node;
      if (truth !== dominant) {
        if (node.truth === dominant) truth = dominant;
        else if (node.truth === 'unknown') truth = 'unknown';
      }
    }
    // Decided only through skipped answers when every child that decided it was.
    let vacuous = truth !== 'unknown';
    for (let i = 0; vacuous && i < traces.length; i++) {
      const node = traces[i]!;
      if (node.truth === truth && !node.vacuous) vacuous = false;
    }
    return trace(rule, truth, traces, undefined, undefined, vacuous);
  };
}

/**
 * A decided leaf's trace is the same object every time: it only holds the rule and its truth,
 * and whether it was decided by a skipped answer (`skippedYes`, `skippedNo`).
 */
function decided(rule: Rule): Record<'yes' | 'no' | 'skippedYes' | 'skippedNo', TraceNode> {
  return {
    yes: trace(rule, 'yes'),
    no: trace(rule, 'no'),
    skippedYes: trace(rule, 'yes', undefined, undefined, undefined, true),
    skippedNo: trace(rule, 'no', undefined, undefined, undefined, true),
  };
}

const SKIPPED_NODE = { yes: 'skippedYes', no: 'skippedNo' } as const;

function answered(rule: Rule, id: string): NodeFn {
  const nodes = decided(rule);
  const waiting = trace(rule, 'unknown', undefined, [id]);
  return (context) => {
    const status = context.questionStatus(id).status;
    return status === 'answered' ? nodes.yes : status === 'skipped' ? nodes.skippedNo : waiting;
  };
}

/** A comparison's result, or a problem when the values cannot be compared. */
type Compared = boolean | { problem: string };

function comparison(
  rule: Rule,
  operands: readonly Operand[],
  compare: (a: Value, b: Value, c: Value) => Compared,
  whenMissing: 'yes' | 'no',
): NodeFn {
  const nodes = decided(rule);
  const fns = operands.map(compileOperand);
  const [first, second, third] = [fns[0], fns[1], fns[2] ?? fns[1]];
  if (!first || !second || !third) {
    const broken = trace(rule, 'unknown', undefined, undefined, 'an operand is missing');
    return () => broken;
  }
  return (context) => {
    const a = first(context);
    const b = second(context);
    const c = third === second ? b : third(context);
    if (a.kind === 'unknown' || b.kind === 'unknown' || c.kind === 'unknown')
      return unknownLeaf(rule, [a, b, c]);
    if (a.kind === 'missing' || b.kind === 'missing' || c.kind === 'missing')
      return nodes[SKIPPED_NODE[whenMissing]];
    const result = compare(a.value, b.value, c.value);
    if (typeof result === 'object') return trace(rule, 'unknown', undefined, undefined, result.problem);
    return result ? nodes.yes : nodes.no;
  };
}

function unknownLeaf(rule: Rule, operands: readonly Operated[]): TraceNode {
  // The usual case, one unanswered question against constants: share its (cached) list.
  let single: (Operated & { kind: 'unknown' }) | undefined;
  let count = 0;
  for (const operand of operands) {
    if (operand.kind === 'unknown' && operand !== single) {
      single = operand;
      count++;
    }
  }
  if (count === 1 && single && single.problem === undefined && single.waitingOn.length > 0) {
    return trace(rule, 'unknown', undefined, single.waitingOn);
  }
  const { waitingOn, problem } = mergeUnknown(operands);
  return trace(rule, 'unknown', undefined, waitingOn.length > 0 ? waitingOn : undefined, problem);
}

/** The questions the unknown operands wait on (each once), and the first problem met. */
function mergeUnknown(operands: readonly Operated[]): Operated & { kind: 'unknown'; waitingOn: string[] } {
  const waitingOn: string[] = [];
  let problem: string | undefined;
  for (const operand of operands) {
    if (operand.kind !== 'unknown') continue;
    for (const id of operand.waitingOn) if (!waitingOn.includes(id)) waitingOn.push(id);
    problem ??= operand.problem;
  }
  return unknown(waitingOn, problem) as Operated & { kind: 'unknown'; waitingOn: string[] };
}

function check(rule: CheckRule): NodeFn {
  const nodes = decided(rule);
  const run = compileCheck(rule.check, rule.args, 'predicate');
  return (context) => {
    const result = run(context);
    if (result.kind === 'unknown') return unknownLeaf(rule, [result]);
    if (result.kind === 'missing') return nodes.skippedNo;
    if (typeof result.value !== 'boolean') {
      return trace(rule, 'unknown', undefined, undefined, `check "${rule.check}" did not give true or false`);
    }
    return result.value ? nodes.yes : nodes.no;
  };
}

// ---------------------------------------------------------------------------------------------
// Operands

function compileOperand(operand: Operand): OperandFn {
  if (typeof operand !== 'object' || Array.isArray(operand)) {
    const constant = known(operand as Value);
    return () => constant;
  }
  if ('question' in operand) {
    const id = operand.question;
    return (context) => questionValue(context, id);
  }
  if ('param' in operand) return paramOperand(operand.param, operand.on);
  if ('list' in operand) {
    const id = operand.list;
    return (context) => {
      const list = context.model.lists.get(id);
      if (!list) return unknown([], `no named list "${id}"`);
      return known(list.members);
    };
  }
  if ('asOf' in operand) return (context) => known(context.asOf);
  if ('age' in operand) return perPass(operand, dates(operand.age, operand.on, ageOn));
  if ('timeBetween' in operand) {
    const { from, to, unit } = operand.timeBetween;
    return perPass(
      operand,
      dates(from, to, (a, b) => timeBetween(a, b, unit as TimeUnit)),
    );
  }
  if ('calc' in operand) return perPass(operand, compileCheck(operand.calc, operand.args, 'calculation'));
  if ('value' in operand) {
    const id = operand.value;
    return (context) => namedValue(context, id);
  }
  if ('addPeriod' in operand) return perPass(operand, shiftedDate(operand.addPeriod));
  if ('firstOf' in operand) {
    const fns = operand.firstOf.map(compileOperand);
    return (context) => {
      for (const fn of fns) {
        const result = fn(context);
        // An unknown before any value: the answer may still come from this one.
        if (result.kind !== 'missing') return result;
      }
      return MISSING;
    };
  }
  const broken: Operated = unknown([], 'not an operand');
  return () => broken;
}

/**
 * A named value: given directly (a scenario setting a calculator's state), or worked out from
 * its definition once per pass. A value that names itself, directly or not, stays unknown.
 */
export function namedValue(context: EvaluationContext, id: string): Operated {
  const given = context.given?.[id];
  if (given !== undefined) return given === null ? MISSING : known(given);
  let operated = context.valueOperands.get(id);
  if (operated !== undefined) return operated;
  const definition = context.model.values?.get(id);
  if (!definition) return unknown([], `no named value "${id}"`);
  if (context.valuesInProgress.has(id)) return unknown([], `the value "${id}" depends on itself`);
  context.valuesInProgress.add(id);
  operated = compileValue(definition)(context);
  context.valuesInProgress.delete(id);
  context.valueOperands.set(id, operated);
  return operated;
}

const compiledValues = new WeakMap<NamedValue, OperandFn>();

function compileValue(definition: NamedValue): OperandFn {
  let fn = compiledValues.get(definition);
  if (fn === undefined) {
    if (definition.rule !== undefined) {
      const rule = compileRule(definition.rule);
      fn = (context) => {
        const node = rule(context);
        if (node.truth === 'unknown') return unknown(collectWaiting(node), node.problem);
        return known(node.truth === 'yes');
      };
    } else if (definition.value !== undefined) fn = compileOperand(definition.value);
    else fn = () => unknown([], `the value "${definition.id}" has no definition`);
    compiledValues.set(definition, fn);
  }
  return fn;
}

/** The questions an unknown rule waits on, through its unknown nodes. */
function collectWaiting(node: TraceNode, found = new Set<string>()): string[] {
  if (node.truth === 'unknown') {
    for (const id of node.waitingOn ?? []) found.add(id);
    for (const child of node.children ?? []) collectWaiting(child, found);
  }
  return [...found];
}

function shiftedDate(shift: AddPeriodOperand['addPeriod']): OperandFn {
  const dateFn = compileOperand(shift.date);
  return (context) => {
    const date = dateFn(context);
    if (date.kind !== 'value') return date;
    const parsed = typeof date.value === 'string' ? cachedDate(date.value) : undefined;
    if (!parsed) return unknown([], 'addPeriod: the date is not a date');
    return known(formatIsoDate(addPeriod(parsed, shift.years ?? 0, shift.months ?? 0, shift.days ?? 0)));
  };
}

/**
 * Computes a derived operand once per pass: the same age or calculation usually appears in
 * several services' rules, and its value depends only on the answers and the as-of date.
 */
function perPass(operand: Operand, compute: OperandFn): OperandFn {
  const key = JSON.stringify(operand);
  return (context) => {
    let operated = context.derivedOperands.get(key);
    if (operated === undefined) {
      operated = compute(context);
      context.derivedOperands.set(key, operated);
    }
    return operated;
  };
}

function questionValue(context: EvaluationContext, id: string): Operated {
  let operated = context.questionOperands.get(id);
  if (operated === undefined) {
    const status = context.questionStatus(id);
    operated =
      status.status === 'answered'
        ? known(status.value)
        : status.status === 'skipped'
          ? MISSING
          : unknown([id]);
    context.questionOperands.set(id, operated);
  }
  return operated;
}

function paramOperand(id: string, on: Operand | undefined): OperandFn {
  const onFn = on === undefined ? undefined : compileOperand(on);
  const lookUp = (context: EvaluationContext, date: string): Operated => {
    const parameter = context.model.parameters.get(id);
    if (!parameter) return unknown([], `no parameter "${id}"`);
    const value = parameterValueOn(parameter, date);
    if (value === undefined || value === null) {
      return unknown([], `parameter "${id}" has no value on ${date}`);
    }
    return known(value);
  };
  if (onFn === undefined) {
    // As at the as-of date: the same for the whole pass, so looked up once.
    return (context) => {
      let operated = context.paramOperands.get(id);
      if (operated === undefined) {
        operated = lookUp(context, context.asOf);
        context.paramOperands.set(id, operated);
      }
      return operated;
    };
  }
  return (context) => {
    const when = onFn(context);
    if (when.kind !== 'value') return when;
    if (typeof when.value !== 'string') return unknown([], `parameter "${id}": "on" is not a date`);
    return lookUp(context, when.value);
  };
}

/** A computation over a date operand and an optional second date (default: the as-of date). */
function dates(
  first: Operand,
  second: Operand | undefined,
  compute: (a: CalendarDate, b: CalendarDate) => number,
): OperandFn {
  const firstFn = compileOperand(first);
  const secondFn = second === undefined ? undefined : compileOperand(second);
  return (context) => {
    const a = firstFn(context);
    const b: Operated = secondFn ? secondFn(context) : known(context.asOf);
    if (a.kind === 'unknown' || b.kind === 'unknown') return mergeUnknown([a, b]);
    if (a.kind === 'missing' || b.kind === 'missing') return MISSING;
    const dateA = typeof a.value === 'string' ? cachedDate(a.value) : undefined;
    const dateB = typeof b.value === 'string' ? cachedDate(b.value) : undefined;
    if (!dateA || !dateB) return unknown([], 'a date operand is not a date');
    return known(compute(dateA, dateB));
  };
}

/** Parsed dates, remembered: the same few dates (birth dates, the as-of date) come back every turn. */
const dateCache = new Map<string, CalendarDate | undefined>();
function cachedDate(text: string): CalendarDate | undefined {
  if (dateCache.has(text)) return dateCache.get(text);
  const date = parseIsoDate(text);
  if (dateCache.size > 10_000) dateCache.clear();
  dateCache.set(text, date);
  return date;
}

function compileCheck(
  id: string,
  args: Record<string, Operand> | undefined,
  kind: NamedCheck['kind'],
): OperandFn {
  const argFns = Object.entries(args ?? {}).map(
    ([name, operand]) => [name, compileOperand(operand)] as const,
  );
  return (context) => {
    const check = context.checks.get(id);
    if (!check) return unknown([], `no named check "${id}"`);
    if (check.kind !== kind) return unknown([], `"${id}" is a ${check.kind}`);
    const values: Record<string, Value | null> = {};
    const pending: Operated[] = [];
    for (const [name, fn] of argFns) {
      const result = fn(context);
      if (result.kind === 'unknown') pending.push(result);
      else values[name] = result.kind === 'missing' ? null : result.value;
    }
    if (pending.length > 0) return mergeUnknown(pending);
    const value = check.evaluate(values, { asOf: context.asOf });
    if (value === undefined) return unknown([], `check "${id}" could not tell`);
    if (value === null) return MISSING;
    return known(value);
  };
}

// ---------------------------------------------------------------------------------------------
// Comparisons over known values

function not(result: Compared): Compared {
  return typeof result === 'boolean' ? !result : result;
}

function equals(a: Value, b: Value): Compared {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item) => b.includes(item));
  return a === b;
}

/** Orders two numbers, or two ISO dates (whose text order is calendar order). */
function order(a: Value, b: Value, test: (comparison: number) => boolean): Compared {
  if (typeof a === 'number' && typeof b === 'number') return test(a - b);
  if (typeof a === 'string' && typeof b === 'string' && cachedDate(a) && cachedDate(b)) {
    return test(a < b ? -1 : a > b ? 1 : 0);
  }
  return { problem: `cannot order ${JSON.stringify(a)} and ${JSON.stringify(b)}` };
}

function between(value: Value, low: Value, high: Value): Compared {
  const above = order(value, low, (c) => c >= 0);
  if (typeof above === 'object') return above;
  const below = order(value, high, (c) => c <= 0);
  if (typeof below === 'object') return below;
  return above && below;
}

function member(value: Value, list: Value): Compared {
  if (!Array.isArray(list)) return { problem: `${JSON.stringify(list)} is not a list` };
  return (list as readonly Value[]).includes(value);
}

/** A multiple-choice answer includes the choice, or at least one of a list of choices. */
function includes(answer: Value, wanted: Value): Compared {
  const chosen: readonly Value[] = Array.isArray(answer) ? answer : [answer];
  if (!Array.isArray(wanted)) return chosen.includes(wanted);
  for (const item of wanted as readonly Value[]) if (chosen.includes(item)) return true;
  return false;
}
