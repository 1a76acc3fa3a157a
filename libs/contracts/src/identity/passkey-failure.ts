/**
 * Why a passkey ceremony was refused, as the `reason` member of a `webauthn-failed` or
 * `challenge-invalid` problem. Each names what the response got wrong, never whether an
 * account or a passkey exists.
 */
export const passkeyFailureReasons = [
  'malformed',
  'origin-mismatch',
  'rp-id-mismatch',
  'user-not-verified',
  'signature-invalid',
  'attestation-invalid',
  'challenge-unknown',
  'challenge-used',
  'challenge-expired',
] as const;
export type PasskeyFailureReason = (typeof passkeyFailureReasons)[number];
