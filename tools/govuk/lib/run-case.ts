/** Runs one scenario case written outside the pack (a known gap) the way `guichet kb test` would. */
import { assess, validateAnswers } from '../../../bot/eligibility/index.js';
import type { KnowledgePack } from '../../../bot/knowledge/index.js';

export interface LooseCase {
  name: string;
  screening?: string;
  service?: string;
  asOf: string;
  answers: Record<string, unknown>;
  expect: { outcome?: string; eligible?: string[]; nextQuestion?: string | null };
}

export function casePasses(pack: KnowledgePack, c: LooseCase): boolean {
  const checked = validateAnswers(pack.model, c.answers, c.asOf);
  if (!checked.ok) return false;
  const result = assess(pack.model, c.screening ?? c.service ?? '', checked.answers, c.asOf);
  if (!result) return false;
  const e = c.expect;
  if (e.outcome !== undefined && result.services[0]?.outcome !== e.outcome) return false;
  if (e.eligible !== undefined && JSON.stringify(e.eligible) !== JSON.stringify(result.eligible))
    return false;
  if (e.nextQuestion !== undefined && e.nextQuestion !== result.nextQuestion) return false;
  return true;
}
