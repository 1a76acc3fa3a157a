import { ERRORS, problemType, type ErrorCode, type FieldIssue } from '@coop/contracts';

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export { problemType };

/**
 * The one error type features throw, through their `<feature>.errors.ts` factories. The code
 * becomes the problem type and fixes status and title (the contracts' table); `extensions` are
 * extra machine-readable members (for example the failing fields of a validation error).
 */
export class AppError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
    ({ status: this.status, title: this.title } = ERRORS[code]);
  }

  toProblem(): Problem {
    return {
      ...this.extensions,
      type: problemType(this.code),
      title: this.title,
      status: this.status,
      detail: this.detail,
    };
  }
}

export type FieldError = FieldIssue;

export const validationError = (errors: FieldError[]) =>
  new AppError('validation', errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; '), {
    errors,
  });
