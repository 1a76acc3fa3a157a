import type { FieldIssue } from '@coop/contracts';

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

/** Problem type URIs are stable names; clients switch on them, never on titles. */
export const problemType = (code: string) => `urn:coop:problem:${code}`;

/**
 * The one error type features throw. `code` becomes the problem type; `extensions` are extra
 * machine-readable members (for example the failing fields of a validation error).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export type FieldError = FieldIssue;

export const validationError = (errors: FieldError[]) =>
  new AppError(
    422,
    'validation',
    'Validation failed',
    errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; '),
    { errors },
  );
