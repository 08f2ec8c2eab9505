/** Runs one scenario case written outside the pack (a known gap) the way `guichet kb test` would. */
import type { KnowledgePack, ScenarioCase } from '../../../bot/knowledge/index.js';
import { runCase } from '../../../bot/knowledge/run-scenarios.js';

export type LooseCase = ScenarioCase;

export function casePasses(pack: KnowledgePack, c: LooseCase): boolean {
  try {
    return runCase(pack, c).passed;
  } catch {
    return false;
  }
}
