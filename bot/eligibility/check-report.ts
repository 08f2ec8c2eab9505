/**
 * The result of `guichet check` as plain data: validate the answers, assess, explain. Kept apart
 * from the command so it is tested without a process or a pack on disk. The JSON shape is the
 * contract in docs/interfaces.md.
 */
// The file itself, not the knowledge index: the eligibility core must not load the pack loader.
import { didYouMean } from '../knowledge/suggest.js';
import { validateAnswers } from './answers.js';
import { assess, valuesOf } from './assess.js';
import type { Value } from './checks/index.js';
import { explainService } from './explain.js';
import type { EligibilityModel, Locale } from './model.js';

export interface CheckJson {
  id: string;
  asOf: string;
  eligible: string[];
  ineligible: string[];
  unknown: string[];
  nextQuestion: string | null;
  reasons: Record<string, string[]>;
}

export type CheckReport =
  | {
      status: 'evaluated';
      kind: 'screening' | 'service';
      json: CheckJson;
      /** Answers to questions that would not be asked given the other answers (their askIf is false). */
      ignored: string[];
      /**
       * The screening's named values in its order, as `valuesOf` gives them: null when one does not
       * apply, undefined while it waits on an answer. For the terminal only: docs/interfaces.md
       * fixes the --json keys.
       */
      values: Record<string, Value | null | undefined>;
    }
  /** Exit 1: the message names the question and the allowed values. */
  | { status: 'invalid-answers'; question: string; message: string }
  /** Exit 2. */
  | { status: 'unknown-id'; message: string };

export function checkReport(
  model: EligibilityModel,
  id: string,
  rawAnswers: unknown,
  asOf: string,
  locale: Locale = 'en',
): CheckReport {
  if (!model.screenings.has(id) && !model.services.has(id)) {
    // A hint rather than the full list: a real pack has hundreds of ids.
    const hint = didYouMean(id, [...model.screenings.keys(), ...model.services.keys()]);
    return {
      status: 'unknown-id',
      message: `"${id}" is neither a screening nor a service${hint ? `; ${hint}` : ''}`,
    };
  }
  if (rawAnswers === null || typeof rawAnswers !== 'object' || Array.isArray(rawAnswers)) {
    return {
      status: 'invalid-answers',
      question: '',
      message: 'the answers must be one JSON object keyed by question id',
    };
  }
  const validated = validateAnswers(model, rawAnswers as Record<string, unknown>, asOf);
  if (!validated.ok && validated.code === 'unknown-question') {
    // The nearest question ids, not all of them (the validator's message lists every one).
    const hint = didYouMean(validated.question, [...model.questions.keys()]);
    return {
      status: 'invalid-answers',
      question: validated.question,
      message: `there is no question "${validated.question}"${hint ? `; ${hint}` : ''}`,
    };
  }
  if (!validated.ok)
    return { status: 'invalid-answers', question: validated.question, message: validated.message };
  const assessment = assess(model, id, validated.answers, asOf)!;
  const reasons: Record<string, string[]> = {};
  for (const evaluation of assessment.services) {
    reasons[evaluation.id] = [...explainService(model, evaluation, locale).sentences];
  }
  const ignored = Object.keys(validated.answers).filter(
    (question) => assessment.context.questionStatus(question).status === 'skipped',
  );
  const values = valuesOf(assessment.context, model.screenings.get(id)?.values ?? []);
  return {
    status: 'evaluated',
    kind: assessment.kind,
    ignored,
    values,
    json: {
      id,
      asOf,
      eligible: [...assessment.eligible],
      ineligible: [...assessment.ineligible],
      unknown: [...assessment.unknown],
      nextQuestion: assessment.nextQuestion,
      reasons,
    },
  };
}
