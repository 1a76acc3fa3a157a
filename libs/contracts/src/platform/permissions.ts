/**
 * What a principal may do to particular rows, asked of the API's AccessPolicy with the rows' ids.
 * Route rules say who may call a route at all; these say which ids the caller may touch on it.
 */
export const PERMISSIONS = [
  /** End one of your own sessions. */
  'session.revoke',
  /** Rename one of your own passkeys. */
  'passkey.rename',
  /** Revoke one of your own passkeys. */
  'passkey.revoke',
  /** Name a passkey (by credential id) in a key wrap: your own passkeys that are not revoked. */
  'passkey.wrap',
  /** Mark one of your own notices read. */
  'notice.dismiss',
  /** Withdraw an approval request: only the admin who asked. */
  'approval.cancel',
  /** Decide on an approval request: any admin but the one who asked (two-person rule). */
  'approval.decide',
  /** List a State's members (by State code): its focal points, facilitators and Registry admins. */
  'state.members.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
