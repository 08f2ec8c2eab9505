/**
 * bot/knowledge: load, validate, freeze and index a knowledge pack. What other parts of Guichet use.
 */
export { loadPack, type LoadOptions, type LoadResult } from './loader.js';
export { watchPack, type PackChange, type WatchOptions } from './watch.js';
export type { KnowledgePack } from './pack.js';
export {
  PROBLEM_CODES,
  formatProblem,
  formatProblems,
  hasErrors,
  sortProblems,
  type Problem,
  type ProblemCode,
  type Severity,
} from './problems.js';
export { translationCoverage, formatCoverage, type LocaleCoverage } from './coverage.js';
export { LIMITS } from './layout.js';
export type * from './types.js';
