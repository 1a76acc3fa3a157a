export const CASELAW_ERROR_CODES = [
  'invalid-transition',
  'stale-revision',
  'import-invalid',
] as const;
export type CaselawErrorCode = (typeof CASELAW_ERROR_CODES)[number];
