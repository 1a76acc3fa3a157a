export { AppError, validationError, PROBLEM_CONTENT_TYPE } from './problem';
export type { Problem, FieldError } from './problem';
export * from './platform.errors';
export { ProblemFilter, sendProblem, EARLY_LOG } from './problem.filter';
export { readJsonBodies, unsupportedBody } from './body-errors';
