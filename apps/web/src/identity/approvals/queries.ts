import { adminGrantSchema, type AdminGrant } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, withQuery } from '../../app/api-client';
import { USERS_QUERY_KEY } from '../users/queries';

const GRANTS = ['identity', 'admin-grants'] as const;

export type GrantStatus = AdminGrant['status'];
export const GRANT_STATUSES: readonly GrantStatus[] = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
];

export function useAdminGrants(status?: GrantStatus) {
  return useQuery({
    queryKey: [...GRANTS, status ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet(withQuery('/admin-grants', { status }), z.array(adminGrantSchema), signal),
  });
}

function useGrantsChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: GRANTS });
    await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
  };
}

export function useRequestAdminGrant() {
  const changed = useGrantsChanged();
  return useMutation({
    mutationFn: (userId: string) => apiSend('POST', '/admin-grants', { userId }, adminGrantSchema),
    onSuccess: changed,
  });
}

export function useDecideAdminGrant() {
  const changed = useGrantsChanged();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      apiSend('POST', `/admin-grants/${id}/decision`, { decision }, adminGrantSchema),
    onSuccess: changed,
  });
}
