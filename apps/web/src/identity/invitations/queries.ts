import {
  invitationSchema,
  issuedInvitationSchema,
  type CreateInvitation,
  type InvitationStatus,
} from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, withQuery } from '../../platform';
import { USERS_QUERY_KEY } from '../users/queries';

const INVITATIONS = ['identity', 'invitations'] as const;

export function useInvitations(status?: InvitationStatus) {
  return useQuery({
    queryKey: [...INVITATIONS, status ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet(withQuery('/invitations', { status }), z.array(invitationSchema), signal),
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
    mutationFn: (input: CreateInvitation) =>
      apiSend('POST', '/invitations', input, issuedInvitationSchema),
    onSuccess: changed,
  });
}

export function useRevokeInvitation() {
  const changed = useInvitationsChanged();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend('DELETE', `/invitations/${id}`, undefined, invitationSchema),
    onSuccess: changed,
  });
}
