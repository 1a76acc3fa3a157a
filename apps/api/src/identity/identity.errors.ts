import type { PasskeyFailureReason, UserStatus } from '@coop/contracts';
import { AppError, conflict, forbidden, notFound, twoPersonRule } from '../platform/errors';

// Users

export const userNotFound = () => notFound('No such user.');

export const emailTaken = (email: string) =>
  conflict(`A user with the email ${email} already exists.`);

export const ownRolesUnchangeable = () =>
  new AppError(
    'not-on-yourself',
    'A Registry admin cannot change their own roles or State; ask another Registry admin.',
  );

export const ownStatusUnchangeable = () =>
  new AppError('not-on-yourself', 'Ask another Registry admin to change your own status.');

export const statusChangeNotAllowed = (from: UserStatus, to: UserStatus) =>
  conflict(`A ${from} user cannot become ${to}.`);

export const lastAdminStaysActive = () =>
  new AppError('last-admin', 'The last active Registry admin cannot be suspended or deactivated.');

// Registry admin grants

export const grantNeedsActiveUser = () => conflict('Only active users can become Registry admins.');

export const alreadyAdmin = () => conflict('This user is already a Registry admin.');

export const notAnAdmin = () => notFound('This user is not a Registry admin.');

export const lastAdminKeepsRole = () =>
  new AppError('last-admin', 'The last active Registry admin keeps the role.');

export const noRoleLeft = () =>
  conflict('Give the user another role first, or deactivate the account.');

// Approvals

export const approvalNotFound = () => notFound('No such approval request.');

export const alreadyDecided = (status: string) => conflict(`This request is already ${status}.`);

export const alreadyRequested = () =>
  conflict('The same request for this person is already waiting for a second Registry admin.');

export const notYourRequest = () => forbidden('Only the admin who asked can cancel it.');

export const decisionByRequester = () =>
  twoPersonRule('A different Registry admin must decide on a request you made.');

export const approvalVoid = () =>
  new AppError(
    'approval-void',
    'This request is void: you or the person it concerns were recovered through a link its requester asked for after making it. Ask for a new request if it is still needed.',
  );

// Invitations

export const invitationInvalid = () =>
  new AppError(
    'invitation-invalid',
    'This invitation link is not valid: it may have expired, been used or been revoked. Ask a Registry admin for a new one.',
  );

export const invitationNotFound = () => notFound('No such invitation.');

export const invitationNotPending = (status: string) =>
  conflict(`This invitation is already ${status}.`);

export const ownRecoveryLink = () =>
  new AppError('not-on-yourself', 'Ask another Registry admin for a new link of your own.');

export const linkNeedsLiveAccount = () =>
  conflict('New links are for invited or active people; reactivate the account first.');

export const alreadyBootstrapped = () =>
  conflict(
    'Registry admins already exist; further admins are granted in the console by two of them.',
  );

// Passkeys and ceremonies

export const passkeyNotFound = () => notFound('No such passkey.');

export const lastPasskey = () =>
  new AppError('last-passkey', 'Add another passkey before revoking the last one.');

/** The keys feature asks through `passkey.wrap`; its code is the keys' refusal of a bad binding. */
export const wrapNamesForeignPasskey = () =>
  new AppError('signature-invalid', 'A passkey wrap names a passkey that is not one of yours.');

export const passkeyAlreadyRegistered = () => conflict('This passkey is already registered.');

export const authenticatorNotAllowed = (refusal: string) =>
  new AppError('authenticator-not-allowed', `Registration refused: ${refusal}.`);

export const passkeyNotRegistered = () =>
  new AppError('unknown-passkey', 'This passkey is not registered here, or it was revoked.');

export const passkeyFlagged = () =>
  new AppError(
    'passkey-flagged',
    'This passkey was blocked because it seemed to have been copied. Use another passkey or contact a Registry admin.',
  );

export const passkeyCloned = () =>
  new AppError(
    'passkey-counter-regression',
    'This passkey reported an older use count than before, a sign that it was copied. It has been flagged; contact a Registry admin.',
  );

/** Signed with a passkey of another account (sign-in names the account, step-up the user). */
export const passkeyNotTheAccounts = (detail: string) => new AppError('webauthn-failed', detail);

const CEREMONY_FAILURES: Record<
  PasskeyFailureReason,
  [code: 'webauthn-failed' | 'challenge-invalid', detail: string]
> = {
  malformed: ['webauthn-failed', 'The passkey response is malformed.'],
  'origin-mismatch': [
    'webauthn-failed',
    'The passkey answered for another web address than this platform’s. Open the platform at its own address and try again.',
  ],
  'rp-id-mismatch': [
    'webauthn-failed',
    'The passkey answered for another site than this platform. Try again with a passkey made for this platform.',
  ],
  'user-not-verified': [
    'webauthn-failed',
    'The passkey did not confirm it was you (PIN, fingerprint or face). Try again and complete that check.',
  ],
  'signature-invalid': [
    'webauthn-failed',
    'The passkey’s signature did not match the request. Try again.',
  ],
  'attestation-invalid': [
    'webauthn-failed',
    'The new passkey’s attestation did not verify. Try again, or use another authenticator.',
  ],
  'challenge-unknown': [
    'challenge-invalid',
    'This passkey request was not started by this page, or was started too long ago. Start again.',
  ],
  'challenge-used': [
    'challenge-invalid',
    'This passkey request was already answered; each one is good for a single attempt. Start again.',
  ],
  'challenge-expired': [
    'challenge-invalid',
    'This passkey request expired: it is good for five minutes. Start again.',
  ],
};

/** A refused ceremony; `reason` says what the response got wrong, never who exists. */
export const ceremonyFailed = (reason: PasskeyFailureReason) => {
  const [code, detail] = CEREMONY_FAILURES[reason];
  return new AppError(code, detail, { reason });
};

export const accountInactive = (status: UserStatus) =>
  new AppError('account-inactive', `This account is ${status}. Contact a Registry admin.`);

// Sessions

export const sessionNotFound = () => notFound('No such active session.');
