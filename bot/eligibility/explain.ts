/**
 * Reasons in plain language, assembled from the trace and the pack's texts.
 *
 * The clauses are the `because` (node true) and `becauseNot` (node false) texts on the rule
 * nodes that decided the outcome, taking the highest node that has a text for its truth. The
 * sentence frame ("You may be able to get {service} because {reasons}") and the word joining
 * clauses come from the pack too: code writes no citizen-facing words.
 */
import { decidingChildren, type ServiceEvaluation, type TraceNode } from './evaluate.js';
import type { EligibilityModel, LocalText, Locale } from './model.js';

export interface Explanation {
  readonly serviceId: string;
  readonly outcome: ServiceEvaluation['outcome'];
  /** The clauses that decided the outcome, in rule order ("you are State Pension age or over"). */
  readonly clauses: readonly string[];
  /** The reason sentences to show: the framed clauses, then the pack's "we did not check" notes. */
  readonly sentences: readonly string[];
}

export function explainService(
  model: EligibilityModel,
  evaluation: ServiceEvaluation,
  locale: Locale,
): Explanation {
  const service = model.services.get(evaluation.id);
  const clauses = [...new Set(decidingClauses(evaluation.trace).map((text) => localise(text, locale)))];
  const sentences: string[] = [];
  const templates = model.reasonTemplates;
  const frame =
    evaluation.outcome === 'eligible'
      ? templates?.eligible
      : evaluation.outcome === 'ineligible'
        ? templates?.ineligible
        : templates?.unknown;
  if (clauses.length > 0 || evaluation.outcome === 'unknown') {
    const reasons = joinClauses(clauses, templates ? localise(templates.and, locale) : ' ');
    if (frame && service) {
      sentences.push(fill(localise(frame, locale), { service: localise(service.name, locale), reasons }));
    } else if (clauses.length > 0) {
      sentences.push(...clauses);
    }
  }
  if (service?.notChecked && evaluation.outcome !== 'ineligible') {
    sentences.push(...service.notChecked.map((note) => localise(note, locale)));
  }
  return { serviceId: evaluation.id, outcome: evaluation.outcome, clauses, sentences };
}

/**
 * The texts of the highest nodes on the deciding paths that have a text for their truth,
 * leaving out branches decided only by skipped questions when another branch decided too.
 */
export function decidingClauses(node: TraceNode): LocalText[] {
  const text =
    node.truth === 'yes' ? node.rule.because : node.truth === 'no' ? node.rule.becauseNot : undefined;
  if (text) return [text];
  if (!node.children) return [];
  // Prefer the children decided by real answers: a branch that failed only because its
  // questions were skipped follows from another answer, which is the reason to give.
  const children = decidingChildren(node);
  const substantive = children.filter((child) => !child.vacuous);
  return (substantive.length > 0 ? substantive : children).flatMap(decidingClauses);
}

export function localise(text: LocalText, locale: Locale): string {
  return text[locale] ?? text.en;
}

/** "a", "a and b", "a, b and c", with the pack's word for "and" (given with its spaces). */
function joinClauses(clauses: readonly string[], and: string): string {
  if (clauses.length <= 1) return clauses[0] ?? '';
  return `${clauses.slice(0, -1).join(', ')}${and}${clauses[clauses.length - 1]}`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
