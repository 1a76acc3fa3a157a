import {
  approvalSchema,
  issuedInvitationSchema,
  passkeySchema,
  sessionSchema,
  userSchema,
  type ChangeStatus,
  type Role,
  type UpdateUser,
  type UserStatus,
} from '@coop/contracts';
import { z } from 'zod';
import { apiCall, apiGet, apiSend, withQuery } from '../../platform';

export interface UserFilter {
  status?: UserStatus;
  role?: Role;
  stateCode?: string;
}

/** Done at once, or, for a Registry admin, a request waiting for a second admin (202). */
const userOrApproval = z.union([userSchema, approvalSchema]);

export const fetchUsers = (filter: UserFilter, signal?: AbortSignal) =>
  apiGet(withQuery('/users', { ...filter }), z.array(userSchema), signal);

export const fetchUser = (id: string, signal?: AbortSignal) =>
  apiGet(`/users/${id}`, userSchema, signal);

export const fetchUserPasskeys = (id: string, signal?: AbortSignal) =>
  apiGet(`/users/${id}/passkeys`, z.array(passkeySchema), signal);

export const fetchUserSessions = (id: string, signal?: AbortSignal) =>
  apiGet(`/users/${id}/sessions`, z.array(sessionSchema), signal);

export const updateUser = (id: string, update: UpdateUser) =>
  apiSend('PATCH', `/users/${id}`, update, userOrApproval);

export const changeStatus = (id: string, change: ChangeStatus) =>
  apiSend('POST', `/users/${id}/status`, change, userOrApproval);

export const issueRecoveryInvitation = (id: string, expiresInHours: number) =>
  apiSend(
    'POST',
    `/users/${id}/recovery-invitation`,
    { expiresInHours },
    z.union([issuedInvitationSchema, approvalSchema]),
  );

export const revokeUserPasskey = (id: string, passkeyId: string) =>
  apiCall('DELETE', `/users/${id}/passkeys/${passkeyId}`);

export const revokeUserSession = (id: string, sessionId: string) =>
  apiCall('DELETE', `/users/${id}/sessions/${sessionId}`);
