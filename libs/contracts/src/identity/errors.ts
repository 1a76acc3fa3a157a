/** Users, invitations, approvals, passkeys and sessions. */
export const IDENTITY_ERROR_CODES = [
  'webauthn-failed',
  'challenge-invalid',
  'authenticator-not-allowed',
  'unknown-passkey',
  'passkey-flagged',
  'passkey-counter-regression',
  'account-inactive',
  'not-on-yourself',
  'invitation-invalid',
  'last-passkey',
  'last-admin',
  'approval-void',
] as const;
export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];
