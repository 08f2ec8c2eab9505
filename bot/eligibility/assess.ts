/**
 * One call for the dialogs and `guichet check`: evaluate a screening (or one service) against
 * the answers so far, as at a date, and say what to ask next.
 */
import { namedValue } from './compile.js';
import type { Value } from './checks/index.js';
import { EvaluationContext, evaluateService, type ServiceEvaluation } from './evaluate.js';
import type { Answers, EligibilityModel, ScreeningDef } from './model.js';
import { nextQuestion } from './next-question.js';
import type { NamedCheck } from './checks/index.js';

export interface Assessment {
  readonly id: string;
  readonly kind: 'screening' | 'service';
  readonly asOf: string;
  /** Every service evaluated, in the order they are shown. */
  readonly services: readonly ServiceEvaluation[];
  readonly eligible: readonly string[];
  readonly ineligible: readonly string[];
  readonly unknown: readonly string[];
  /** The question to ask next, or null when nothing left to ask can change an outcome. */
  readonly nextQuestion: string | null;
  /** The context used, for explanations and question statuses without evaluating again. */
  readonly context: EvaluationContext;
  /** The editor's question order used (the screening's, or the first screening offering the service). */
  readonly order: readonly string[];
}

export interface AssessOptions {
  readonly checks?: ReadonlyMap<string, NamedCheck>;
  /** Named values set directly instead of worked out (scenarios testing one calculation step). */
  readonly given?: Readonly<Record<string, Value | null>>;
}

/**
 * Named values as worked out from the answers: the value, `null` when it does not apply (its
 * question was skipped), or undefined while it still waits on an answer (or cannot be worked out).
 */
export function valuesOf(
  context: EvaluationContext,
  ids: readonly string[],
): Record<string, Value | null | undefined> {
  const out: Record<string, Value | null | undefined> = {};
  for (const id of ids) {
    const operated = namedValue(context, id);
    out[id] = operated.kind === 'value' ? operated.value : operated.kind === 'missing' ? null : undefined;
  }
  return out;
}

/** Assesses a screening or a service by id (a screening wins a tie); undefined for an unknown id. */
export function assess(
  model: EligibilityModel,
  id: string,
  answers: Answers,
  asOf: string,
  options: AssessOptions = {},
): Assessment | undefined {
  const context = new EvaluationContext({ model, answers, asOf, ...options });
  const screening = model.screenings.get(id);
  if (screening) {
    const services = shownOrder(screening).flatMap((serviceId) => {
      const service = model.services.get(serviceId);
      return service ? [evaluateService(context, service)] : [];
    });
    return summarise(id, 'screening', context, services, screening.questions);
  }
  const service = model.services.get(id);
  if (!service) return undefined;
  const order = [...model.screenings.values()].find((s) => s.services.includes(id))?.questions ?? [];
  return summarise(id, 'service', context, [evaluateService(context, service)], order);
}

function summarise(
  id: string,
  kind: Assessment['kind'],
  context: EvaluationContext,
  services: ServiceEvaluation[],
  order: readonly string[],
): Assessment {
  const eligible: string[] = [];
  const ineligible: string[] = [];
  const unknown: string[] = [];
  for (const service of services) {
    (service.outcome === 'eligible'
      ? eligible
      : service.outcome === 'ineligible'
        ? ineligible
        : unknown
    ).push(service.id);
  }
  return {
    id,
    kind,
    asOf: context.asOf,
    services,
    eligible,
    ineligible,
    unknown,
    nextQuestion: nextQuestion(context, services, order),
    context,
    order,
  };
}

const shownOrders = new WeakMap<ScreeningDef, readonly string[]>();

/**
 * The order services are shown in: group by group when the screening has groups, then any
 * service in no group, in the screening's own order.
 */
export function shownOrder(screening: ScreeningDef): readonly string[] {
  let order = shownOrders.get(screening);
  if (order === undefined) {
    const ids = new Set<string>();
    for (const group of screening.groups ?? []) for (const id of group.services) ids.add(id);
    for (const id of screening.services) ids.add(id);
    order = [...ids].filter((id) => screening.services.includes(id));
    shownOrders.set(screening, order);
  }
  return order;
}
