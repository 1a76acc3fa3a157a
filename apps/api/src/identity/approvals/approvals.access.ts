import { selectIds, type AccessQueries } from '../../platform/access';
import { decisionByRequester, notYourRequest } from '../identity.errors';

// Asked only about a request the caller has already found: admins see every request, so these
// refusals reveal nothing, and they say why.
export const approvalsAccess: AccessQueries = {
  'approval.cancel': {
    allowed: (principal, ids, m) =>
      selectIds(m, 'SELECT id FROM approvals WHERE id = ANY($1) AND requested_by = $2', [
        ids,
        principal.userId,
      ]),
    refusal: notYourRequest,
  },
  // The person concerned may decide (consent to stepping down, say); the requester may not.
  'approval.decide': {
    allowed: (principal, ids, m) =>
      selectIds(m, 'SELECT id FROM approvals WHERE id = ANY($1) AND requested_by <> $2', [
        ids,
        principal.userId,
      ]),
    refusal: decisionByRequester,
  },
};
