import { selectIds, type AccessQueries } from '../platform/access';
import { notFound } from '../platform/errors';

export const noticesAccess: AccessQueries = {
  'notice.dismiss': {
    allowed: (principal, ids, m) =>
      selectIds(m, 'SELECT id FROM notices WHERE id = ANY($1) AND user_id = $2', [
        ids,
        principal.userId,
      ]),
    // Someone else's notice is as unknown as one that does not exist.
    refusal: () => notFound('No such notice.'),
  },
};
