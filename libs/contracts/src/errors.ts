import { CASELAW_ERROR_CODES, type CaselawErrorCode } from './caselaw/errors';
import { IDENTITY_ERROR_CODES, type IdentityErrorCode } from './identity/errors';
import { KEYS_ERROR_CODES, type KeysErrorCode } from './keys/errors';
import { PLATFORM_ERROR_CODES, type PlatformErrorCode } from './platform/errors';
import { STATES_ERROR_CODES, type StatesErrorCode } from './states/errors';

/** Every code a problem document's type may carry; audit and notices answer with platform codes. */
export const ERROR_CODES = [
  ...PLATFORM_ERROR_CODES,
  ...IDENTITY_ERROR_CODES,
  ...STATES_ERROR_CODES,
  ...KEYS_ERROR_CODES,
  ...CASELAW_ERROR_CODES,
] as const;
export type ErrorCode =
  PlatformErrorCode | IdentityErrorCode | StatesErrorCode | KeysErrorCode | CaselawErrorCode;

export interface ErrorSpec {
  status: number;
  /** English, for people reading the API; clients word the code in their own language. */
  title: string;
}

/** Each code's HTTP status and title. A `Record` over the union: a code without one fails `tsc`. */
export const ERRORS: Readonly<Record<ErrorCode, ErrorSpec>> = {
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-json': { status: 400, title: 'Malformed JSON' },
  'malformed-body': { status: 400, title: 'Undecodable body' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  'step-up-required': { status: 401, title: 'Confirm with your passkey' },
  forbidden: { status: 403, title: 'Forbidden' },
  csrf: { status: 403, title: 'Request refused' },
  'two-person-rule': { status: 403, title: 'Another person must decide' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'payload-too-large': { status: 413, title: 'Payload too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  validation: { status: 422, title: 'Validation failed' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  'not-ready': { status: 503, title: 'Not ready' },

  'webauthn-failed': { status: 400, title: 'Passkey check failed' },
  'challenge-invalid': { status: 400, title: 'Passkey request expired' },
  'authenticator-not-allowed': { status: 400, title: 'Authenticator not allowed' },
  'unknown-passkey': { status: 401, title: 'Unknown passkey' },
  'passkey-flagged': { status: 401, title: 'Passkey blocked' },
  'passkey-counter-regression': { status: 401, title: 'Passkey refused' },
  'account-inactive': { status: 403, title: 'Account not active' },
  'not-on-yourself': { status: 403, title: 'Not on yourself' },
  'invitation-invalid': { status: 410, title: 'Invitation not valid' },
  'last-passkey': { status: 409, title: 'Last passkey' },
  'last-admin': { status: 409, title: 'Last Registry admin' },
  'approval-void': { status: 409, title: 'Request void' },

  'state-withdrawn': { status: 409, title: 'State has withdrawn' },

  'signature-invalid': { status: 422, title: 'Signature not valid' },
  'no-keys': { status: 409, title: 'No keys yet' },
  'key-changed': { status: 409, title: 'Key changed' },

  'invalid-transition': { status: 409, title: 'Not possible in this state' },
  'stale-revision': { status: 409, title: 'Changed meanwhile' },
  'import-invalid': { status: 422, title: 'Import refused' },
};

const PROBLEM_TYPE_PREFIX = 'urn:coop:problem:';

/** Problem type URIs are stable names; clients switch on them, never on titles. */
export const problemType = (code: ErrorCode): string => `${PROBLEM_TYPE_PREFIX}${code}`;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  (ERROR_CODES as readonly unknown[]).includes(value);

/** The code a problem type names, or undefined for a type this version does not know. */
export function errorCodeOf(type: string): ErrorCode | undefined {
  if (!type.startsWith(PROBLEM_TYPE_PREFIX)) return undefined;
  const code = type.slice(PROBLEM_TYPE_PREFIX.length);
  return isErrorCode(code) ? code : undefined;
}
