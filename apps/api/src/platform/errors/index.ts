export { AppError, validationError, problemType, PROBLEM_CONTENT_TYPE } from './problem';
export type { Problem, FieldError } from './problem';
export { ProblemFilter, sendProblem, EARLY_LOG } from './problem.filter';
export { bodyErrorHandler, requireJsonBody } from './body-errors';
