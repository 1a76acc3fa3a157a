import { AppError, conflict } from '../platform/errors';

/** A key record, wrap or attestation whose signature or binding does not check out. */
export const signatureRefused = (detail: string) => new AppError('signature-invalid', detail);

export const staleKeys = (expected: number) =>
  conflict(`Expected key generation ${expected}; reload and try again.`);

export const noKeysYet = () => new AppError('no-keys', 'Set up your encryption keys first.');

export const attestationNeedsKeys = () =>
  new AppError('no-keys', 'Both the admin and the user need encryption keys first.');

export const contactHasNoKeys = () =>
  new AppError('no-keys', 'This contact has not set up encryption keys yet.');

export const keyChanged = () =>
  new AppError(
    'key-changed',
    'This contact’s key is not the one you compared. Compare the new safety number.',
  );
