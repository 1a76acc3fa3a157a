/** Every action the API writes to the audit log; `AuditService.record` accepts only these. */
export const AUDIT_ACTIONS = [
  // Sign-in, registration and step-up ceremonies, and their failures.
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.registration_failed',
  'auth.step_up',
  'auth.step_up_failed',
  // Passkeys: added, renamed, revoked, or flagged as cloned by a signature counter going back.
  'passkey.added',
  'passkey.renamed',
  'passkey.revoked',
  'passkey.counter_regression',
  // Sessions ended before they expire.
  'session.revoked',
  // Invitations, including recovery links and the bootstrap link.
  'invitation.issued',
  'invitation.redeemed',
  'invitation.revoked',
  // Changes to accounts: roles, State, name and status.
  'user.roles_changed',
  'user.state_changed',
  'user.renamed',
  'user.reactivated',
  'user.suspended',
  'user.deactivated',
  // Four-eyes approvals: asked for, decided, withdrawn by the requester, or voided.
  'approval.requested',
  'approval.approved',
  'approval.rejected',
  'approval.cancelled',
  'approval.voided',
  // The Registry admin role, granted or withdrawn once approved.
  'admin_grant.approved',
  'admin_grant.withdrawn',
  // States Parties reference data.
  'state.created',
  'state.withdrawal_recorded',
  // The public key directory: records, wrapped bundles and admin attestations.
  'keys.enrolled',
  'keys.changed',
  'keys.wrap_saved',
  'keys.attested',
  // Case law: the editorial workflow and bulk transfer.
  'caselaw.published',
  'caselaw.unpublished',
  'caselaw.exported',
  'caselaw.imported',
  // The audit log itself, exported.
  'audit.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
