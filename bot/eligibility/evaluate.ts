/**
 * Three-valued evaluation of rules over partial answers, with a trace.
 *
 * Every rule node comes out `yes`, `no` or `unknown`. A question not answered yet is unknown; a
 * question that will never be asked (its `askIf` is false) is *skipped*, and comparisons treat a
 * skipped answer as absent: `eq`, `in`, `includes`, `lt`... are false, and their negations `ne`,
 * `notIn` are true (the GOV.UK smart-answers reading of "nil != value"). The trace keeps every node
 * with its truth, and for unknown leaves the questions they wait on, so that the next question
 * and the reasons both come from the same evaluation.
 */
import { NAMED_CHECKS, type NamedCheck, type Value } from './checks/index.js';
import { compileRule, type Operated } from './compile.js';
import type { Answers, AnswerValue, EligibilityModel, QuestionDef, ServiceDef } from './model.js';
import type { Rule } from './rules.js';

export type { Operated } from './compile.js';

export type Truth = 'yes' | 'no' | 'unknown';
export type Outcome = 'eligible' | 'ineligible' | 'unknown';

export interface TraceNode {
  readonly rule: Rule;
  readonly truth: Truth;
  /** For all / any / not: the children's traces, in order. */
  readonly children?: readonly TraceNode[];
  /** For an unknown leaf: the unanswered questions it waits on. */
  readonly waitingOn?: readonly string[];
  /** For a leaf: a content problem met on the way (a parameter with no value on the date...). */
  readonly problem?: string;
  /**
   * Decided only by answers that were skipped (their question's askIf is false): "you do not
   * get X because you were not asked about Y" is true but no reason to give a citizen.
   */
  readonly vacuous?: boolean;
}

export interface RuleEvaluation {
  readonly truth: Truth;
  readonly trace: TraceNode;
  /** Unanswered questions that can still change the truth (empty once it is decided). */
  readonly missing: readonly string[];
}

export interface ServiceEvaluation extends RuleEvaluation {
  readonly id: string;
  readonly outcome: Outcome;
}

export interface EvaluationInput {
  readonly model: EligibilityModel;
  readonly answers: Answers;
  /** The date the evaluation is as at (YYYY-MM-DD); the real clock is never read. */
  readonly asOf: string;
  /** Named checks by id; the built-in registry by default (tests may pass their own). */
  readonly checks?: ReadonlyMap<string, NamedCheck>;
  /** Named values set directly instead of worked out (null: absent), as a calculator's state. */
  readonly given?: Readonly<Record<string, Value | null>>;
}

/** Where a question stands given the answers so far. */
export type QuestionStatus =
  | { readonly status: 'answered'; readonly value: AnswerValue }
  | { readonly status: 'skipped' }
  /** Not answered; `askable` when its askIf holds (or it has none), else `waitingOn` its askIf's questions. */
  | { readonly status: 'open'; readonly askable: boolean; readonly waitingOn: readonly string[] };

/**
 * One evaluation pass over fixed answers. It caches question statuses (askIf results), so
 * create one per turn and reuse it across the services of a screening.
 */
export class EvaluationContext {
  readonly model: EligibilityModel;
  readonly answers: Answers;
  readonly asOf: string;
  readonly checks: ReadonlyMap<string, NamedCheck>;
  readonly given: Readonly<Record<string, Value | null>> | undefined;
  /** Named values worked out in this pass, and those being worked out (to stop a cycle). */
  readonly valueOperands = new Map<string, Operated>();
  readonly valuesInProgress = new Set<string>();
  private readonly statuses = new Map<string, QuestionStatus>();
  private readonly inProgress = new Set<string>();
  /** Question values and parameter values (as at the as-of date) as operands, computed once per pass. */
  readonly questionOperands = new Map<string, Operated>();
  readonly paramOperands = new Map<string, Operated>();
  /** Ages, times between dates and calculations, by the operand's JSON. */
  readonly derivedOperands = new Map<string, Operated>();

  constructor(input: EvaluationInput) {
    this.model = input.model;
    this.answers = input.answers;
    this.asOf = input.asOf;
    this.checks = input.checks ?? NAMED_CHECKS;
    this.given = input.given;
  }

  questionStatus(id: string): QuestionStatus {
    const cached = this.statuses.get(id);
    if (cached) return cached;
    if (this.inProgress.has(id)) return OPEN_BLOCKED; // an askIf cycle: content to fix, never ask
    this.inProgress.add(id);
    const status = this.computeStatus(id, this.model.questions.get(id));
    this.inProgress.delete(id);
    this.statuses.set(id, status);
    return status;
  }

  private computeStatus(id: string, question: QuestionDef | undefined): QuestionStatus {
    const askIf = question?.askIf === undefined ? undefined : evaluateRule(this, question.askIf);
    // An answer to a question that no longer applies (an earlier answer changed) is ignored.
    if (askIf?.truth === 'no') return SKIPPED;
    const value = Object.hasOwn(this.answers, id) ? this.answers[id] : undefined;
    if (value !== undefined) return { status: 'answered', value };
    if (question === undefined) return OPEN_BLOCKED;
    if (askIf === undefined || askIf.truth === 'yes') return OPEN_ASKABLE;
    return { status: 'open', askable: false, waitingOn: askIf.missing };
  }
}

const SKIPPED: QuestionStatus = { status: 'skipped' };
const OPEN_ASKABLE: QuestionStatus = { status: 'open', askable: true, waitingOn: [] };
const OPEN_BLOCKED: QuestionStatus = { status: 'open', askable: false, waitingOn: [] };

/** Evaluates one rule. */
export function evaluateRule(context: EvaluationContext, rule: Rule): RuleEvaluation {
  const trace = compileRule(rule)(context);
  return { truth: trace.truth, trace, missing: missingQuestions(trace) };
}

/** Evaluates one service: its rule, and its nations when the model has a nation question. */
export function evaluateService(context: EvaluationContext, service: ServiceDef): ServiceEvaluation {
  const trace = compileRule(effectiveRule(context.model, service))(context);
  return {
    id: service.id,
    outcome: OUTCOME[trace.truth],
    truth: trace.truth,
    trace,
    missing: missingQuestions(trace),
  };
}

const OUTCOME: Record<Truth, Outcome> = { yes: 'eligible', no: 'ineligible', unknown: 'unknown' };

const nationRules = new WeakMap<ServiceDef, Rule>();

/**
 * The service's rule, preceded by "lives in one of its nations" when that can rule someone out:
 * a service in every nation the nation question offers (a UK-wide one) does not depend on it.
 */
export function effectiveRule(model: EligibilityModel, service: ServiceDef): Rule {
  if (model.nationQuestion === undefined || service.nations === undefined) return service.rule;
  if (coversEveryNation(model, model.nationQuestion, service.nations)) return service.rule;
  let rule = nationRules.get(service);
  if (rule === undefined) {
    rule = { all: [{ in: [{ question: model.nationQuestion }, [...service.nations]] }, service.rule] };
    nationRules.set(service, rule);
  }
  return rule;
}

/** Whether `nations` holds every choice of the nation question (none known: never). */
function coversEveryNation(model: EligibilityModel, question: string, nations: readonly string[]): boolean {
  const choices = model.questions.get(question)?.choices;
  return choices !== undefined && choices.length > 0 && choices.every((c) => nations.includes(c));
}

/**
 * The unanswered questions that can still change an unknown node: those of its unknown leaves
 * reached through unknown nodes only (a decided branch cannot change the result).
 */
export function missingQuestions(trace: TraceNode): readonly string[] {
  if (trace.truth !== 'unknown') return NONE;
  const found = new Set<string>();
  collectMissing(trace, found);
  return [...found];
}

const NONE: readonly string[] = Object.freeze([]);

function collectMissing(node: TraceNode, found: Set<string>): void {
  if (node.truth !== 'unknown') return;
  if (node.waitingOn) for (const id of node.waitingOn) found.add(id);
  if (node.children) for (const child of node.children) collectMissing(child, found);
}

/**
 * The leaves that decided a node: for a true `all` every child, for a false one the false
 * children; for `any` the reverse; for an unknown node its unknown children.
 */
export function decidingLeaves(node: TraceNode): TraceNode[] {
  if (!node.children) return [node];
  return decidingChildren(node).flatMap(decidingLeaves);
}

/** The children that decided a composite node's truth (see decidingLeaves). */
export function decidingChildren(node: TraceNode): readonly TraceNode[] {
  const children = node.children ?? [];
  if ('not' in node.rule) return children;
  return children.filter((child) => child.truth === node.truth);
}
