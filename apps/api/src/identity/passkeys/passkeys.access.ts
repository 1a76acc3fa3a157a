import type { EntityManager } from 'typeorm';
import { selectIds, type AccessQueries, type AccessQuery } from '../../platform/access';
import type { Principal } from '../../platform/principal';
import { passkeyNotFound, wrapNamesForeignPasskey } from '../identity.errors';

const ownPasskeys = (principal: Principal, ids: readonly string[], m: EntityManager) =>
  selectIds(m, 'SELECT id FROM passkeys WHERE id = ANY($1) AND user_id = $2', [
    ids,
    principal.userId,
  ]);

// Someone else's passkey is as unknown as one that does not exist.
const own: AccessQuery = { allowed: ownPasskeys, refusal: passkeyNotFound };

export const passkeysAccess: AccessQueries = {
  'passkey.rename': own,
  'passkey.revoke': own,
  'passkey.wrap': {
    allowed: (principal, credentialIds, m) =>
      selectIds(
        m,
        `SELECT credential_id AS id FROM passkeys
          WHERE credential_id = ANY($1) AND user_id = $2 AND revoked_at IS NULL`,
        [credentialIds, principal.userId],
      ),
    refusal: wrapNamesForeignPasskey,
  },
};
