/**
 * The next question: the first, in the editor's order, of the unanswered questions that can
 * still change an unknown outcome, and that may be asked now (its `askIf` holds). A question
 * whose `askIf` is still unknown is not asked yet; the questions its `askIf` needs are, if they
 * come first. A question that cannot change any outcome is never asked; when every outcome is
 * decided there is none.
 */
import type { EvaluationContext, ServiceEvaluation } from './evaluate.js';

/**
 * @param evaluations the services being screened (only the unknown ones matter)
 * @param order the editor's question order; relevant questions not in it come after, in pack order
 */
export function nextQuestion(
  context: EvaluationContext,
  evaluations: readonly ServiceEvaluation[],
  order: readonly string[],
): string | null {
  const relevant = relevantQuestions(context, evaluations);
  if (relevant.size === 0) return null;
  for (const id of order) if (isAskableNow(context, id, relevant)) return id;
  for (const id of context.model.questions.keys()) if (isAskableNow(context, id, relevant)) return id;
  return null;
}

/**
 * Every unanswered question that can still change an unknown outcome: those the unknown
 * services wait on, plus, for one not askable yet, the questions its `askIf` waits on.
 */
export function relevantQuestions(
  context: EvaluationContext,
  evaluations: readonly ServiceEvaluation[],
): Set<string> {
  const relevant = new Set<string>();
  const queue: string[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.outcome !== 'unknown') continue;
    for (const id of evaluation.missing) {
      if (!relevant.has(id)) {
        relevant.add(id);
        queue.push(id);
      }
    }
  }
  while (queue.length > 0) {
    const status = context.questionStatus(queue.pop()!);
    if (status.status !== 'open' || status.askable) continue;
    for (const id of status.waitingOn) {
      if (!relevant.has(id)) {
        relevant.add(id);
        queue.push(id);
      }
    }
  }
  return relevant;
}

/**
 * The next question on the route, as a form-based screener (GOV.UK's smart answers) would show
 * it: the first unanswered question, in the editor's order, whose `askIf` holds, whether or not
 * it can still change an outcome. The dialogs never use it (they ask only what matters); scenario
 * tests use it to check that `askIf` conditions encode another system's route exactly.
 */
export function nextOnRoute(context: EvaluationContext, order: readonly string[]): string | null {
  for (const id of order) {
    const status = context.questionStatus(id);
    if (status.status === 'open' && status.askable) return id;
  }
  return null;
}

function isAskableNow(context: EvaluationContext, id: string, relevant: ReadonlySet<string>): boolean {
  if (!relevant.has(id)) return false;
  const status = context.questionStatus(id);
  return status.status === 'open' && status.askable;
}
