import { selectIds, type AccessQueries } from '../../platform/access';
import { sessionNotFound } from '../identity.errors';

export const sessionsAccess: AccessQueries = {
  'session.revoke': {
    allowed: (principal, ids, m) =>
      selectIds(m, 'SELECT id FROM sessions WHERE id = ANY($1) AND user_id = $2', [
        ids,
        principal.userId,
      ]),
    // Someone else's session is as unknown as one that does not exist.
    refusal: sessionNotFound,
  },
};
