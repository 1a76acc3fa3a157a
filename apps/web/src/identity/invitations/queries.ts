import type { CreateInvitation, InvitationStatus } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { USERS_QUERY_KEY } from '../users/queries';
import { createInvitation, fetchInvitations, revokeInvitation } from './api';

const INVITATIONS = ['identity', 'invitations'] as const;

export function useInvitations(status?: InvitationStatus) {
  return useQuery({
    queryKey: [...INVITATIONS, status ?? 'all'],
    queryFn: ({ signal }) => fetchInvitations(status, signal),
  });
}

function useInvitationsChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: INVITATIONS });
    await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
  };
}

export function useCreateInvitation() {
  const changed = useInvitationsChanged();
  return useMutation({
    mutationFn: (input: CreateInvitation) => createInvitation(input),
    onSuccess: changed,
  });
}

export function useRevokeInvitation() {
  const changed = useInvitationsChanged();
  return useMutation({ mutationFn: revokeInvitation, onSuccess: changed });
}
