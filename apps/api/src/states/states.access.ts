import type { Role } from '@coop/contracts';
import { selectIds, type AccessQueries } from '../platform/access';
import { forbidden } from '../platform/errors';

/** Roles that act for every State; a focal point acts for their own. */
const ALL_STATES: readonly Role[] = ['registry_admin', 'facilitator'];

export const statesAccess: AccessQueries = {
  'state.members.read': {
    allowed: async (principal, codes, m) => {
      // Every code, known or not: an unknown State is then answered 404 by the lookup that follows.
      if (principal.roles.some((role) => ALL_STATES.includes(role))) return codes;
      if (!principal.roles.includes('focal_point')) return [];
      return selectIds(m, 'SELECT code AS id FROM states WHERE code = ANY($1) AND code = $2', [
        codes,
        principal.stateCode,
      ]);
    },
    refusal: () => forbidden('Focal points act only for their own State.'),
  },
};
