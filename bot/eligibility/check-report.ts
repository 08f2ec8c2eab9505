/**
 * The result of `guichet check` as plain data: validate the answers, assess, explain. Kept apart
 * from the command so it is tested without a process or a pack on disk. The JSON shape is the
 * contract in docs/interfaces.md.
 */
import { validateAnswers } from './answers.js';
import { assess } from './assess.js';
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
    const known = [...model.screenings.keys(), ...model.services.keys()].join(', ');
    return { status: 'unknown-id', message: `"${id}" is neither a screening nor a service; known: ${known}` };
  }
  if (rawAnswers === null || typeof rawAnswers !== 'object' || Array.isArray(rawAnswers)) {
    return {
      status: 'invalid-answers',
      question: '',
      message: 'the answers must be one JSON object keyed by question id',
    };
  }
  const validated = validateAnswers(model, rawAnswers as Record<string, unknown>, asOf);
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
  return {
    status: 'evaluated',
    kind: assessment.kind,
    ignored,
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
