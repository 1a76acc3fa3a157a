import type { ChangeStatus, UpdateUser } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  changeStatus,
  fetchUser,
  fetchUserPasskeys,
  fetchUsers,
  fetchUserSessions,
  issueRecoveryInvitation,
  revokeUserPasskey,
  revokeUserSession,
  updateUser,
  type UserFilter,
} from './api';

export const USERS_QUERY_KEY = ['identity', 'users'] as const;

export function useUsers(filter: UserFilter = {}) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, 'list', filter],
    queryFn: ({ signal }) => fetchUsers(filter, signal),
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
    queryFn: ({ signal }) => fetchUser(id, signal),
  });
}

export function useUserPasskeys(id: string) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, id, 'passkeys'],
    queryFn: ({ signal }) => fetchUserPasskeys(id, signal),
  });
}

export function useUserSessions(id: string) {
  return useQuery({
    queryKey: [...USERS_QUERY_KEY, id, 'sessions'],
    queryFn: ({ signal }) => fetchUserSessions(id, signal),
  });
}

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
    mutationFn: (update: UpdateUser) => updateUser(id, update),
    onSuccess: changed,
  });
}

export function useChangeStatus(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (change: ChangeStatus) => changeStatus(id, change),
    onSuccess: changed,
  });
}

export function useRecoveryInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (expiresInHours: number) => issueRecoveryInvitation(id, expiresInHours),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['identity', 'invitations'] });
      await queryClient.invalidateQueries({ queryKey: ['identity', 'approvals'] });
    },
  });
}

export function useRevokeUserPasskey(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (passkeyId: string) => revokeUserPasskey(id, passkeyId),
    onSuccess: changed,
  });
}

export function useRevokeUserSession(id: string) {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (sessionId: string) => revokeUserSession(id, sessionId),
    onSuccess: changed,
  });
}
