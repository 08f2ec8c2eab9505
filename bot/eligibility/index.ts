/**
 * The eligibility engine's public surface. Pure functions over plain data: no botbuilder,
 * express, lowdb or pino here (docs/style.md, principle 5).
 */
export * from './model.js';
export * from './rules.js';
export { assess, shownOrder, valuesOf, type Assessment, type AssessOptions } from './assess.js';
export {
  EvaluationContext,
  decidingChildren,
  decidingLeaves,
  effectiveRule,
  evaluateRule,
  evaluateService,
  missingQuestions,
  type EvaluationInput,
  type Outcome,
  type QuestionStatus,
  type RuleEvaluation,
  type ServiceEvaluation,
  type TraceNode,
  type Truth,
} from './evaluate.js';
export { nextOnRoute, nextQuestion, relevantQuestions } from './next-question.js';
export { explainService, decidingClauses, localise, type Explanation } from './explain.js';
export {
  validateAnswer,
  validateAnswers,
  allowedChoices,
  type AnswerCheck,
  type AnswerProblemCode,
} from './answers.js';
export { datedValueOn, parameterValueOn, parameterPeriodProblems } from './parameters.js';
export {
  NAMED_CHECKS,
  listNamedChecks,
  type NamedCheck,
  type CheckArgs,
  type CheckArgSpec,
  type Value,
} from './checks/index.js';
