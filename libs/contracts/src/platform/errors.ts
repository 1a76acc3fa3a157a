/**
 * Codes any feature may answer with: the HTTP layer's own refusals and the shared rules
 * (validation, sign-in, step-up, the two-person rule, plain not-found and conflict).
 */
export const PLATFORM_ERROR_CODES = [
  'bad-request',
  'malformed-json',
  'malformed-body',
  'unauthenticated',
  'step-up-required',
  'forbidden',
  'csrf',
  'two-person-rule',
  'not-found',
  'method-not-allowed',
  'conflict',
  'payload-too-large',
  'unsupported-media-type',
  'validation',
  'too-many-requests',
  'internal',
  'not-ready',
] as const;
export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];
