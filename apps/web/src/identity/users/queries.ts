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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiCall, apiGet, apiSend, withQuery } from '../../platform';

export const USERS_QUERY_KEY = ['identity', 'users'] as const;

export interface UserFilter {
  status?: UserStatus;
  role?: Role;
  stateCode?: string;
}

export function useUsers(filter: UserFilter = {}) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      apiGet(withQuery('/users', { ...filter }), z.array(userSchema), signal),
  });
}

/** Display names by user id, for screens that show who did what. */
export function useUserNames(): (id: string | null) => string | undefined {
  const { data } = useUsers();
  return (id) => (id ? data?.find((user) => user.id === id)?.displayName : undefined);
}

export function useUser(id: string) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, id],
    queryFn: ({ signal }) => apiGet(`/users/${id}`, userSchema, signal),
  });
}

export function useUserPasskeys(id: string) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, id, 'passkeys'],
    queryFn: ({ signal }) => apiGet(`/users/${id}/passkeys`, z.array(passkeySchema), signal),
  });
}

export function useUserSessions(id: string) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, id, 'sessions'],
    queryFn: ({ signal }) => apiGet(`/users/${id}/sessions`, z.array(sessionSchema), signal),
  });
}

/** Done at once, or, for a Registry admin, a request waiting for a second admin (202). */
const userOrApproval = z.union([userSchema, approvalSchema]);

function useUsersChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: ['identity', 'approvals'] });
  };
}

export function useUpdateUser(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (update: UpdateUser) => apiSend('PATCH', `/users/${id}`, update, userOrApproval),
    onSuccess: changed,
  });
}

export function useChangeStatus(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (change: ChangeStatus) =>
      apiSend('POST', `/users/${id}/status`, change, userOrApproval),
    onSuccess: changed,
  });
}

export function useRecoveryInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (expiresInHours: number) =>
      apiSend(
        'POST',
        `/users/${id}/recovery-invitation`,
        { expiresInHours },
        z.union([issuedInvitationSchema, approvalSchema]),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['identity', 'invitations'] });
      await queryClient.invalidateQueries({ queryKey: ['identity', 'approvals'] });
    },
  });
}

export function useRevokeUserPasskey(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (passkeyId: string) => apiCall('DELETE', `/users/${id}/passkeys/${passkeyId}`),
    onSuccess: changed,
  });
}

export function useRevokeUserSession(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (sessionId: string) => apiCall('DELETE', `/users/${id}/sessions/${sessionId}`),
    onSuccess: changed,
  });
}
