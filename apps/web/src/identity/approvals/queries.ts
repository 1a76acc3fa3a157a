import {
  APPROVAL_STATUSES,
  approvalDecisionSchema,
  approvalSchema,
  type Approval,
  type ApprovalStatus,
} from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, withQuery } from '../../platform';
import { USERS_QUERY_KEY } from '../users/queries';

export const APPROVALS_QUERY_KEY = ['identity', 'approvals'] as const;

export { APPROVAL_STATUSES };
export type { ApprovalStatus };

/** What an admin action answers when it waits for a second admin instead of happening. */
export const isApproval = (value: object): value is Approval => 'kind' in value;

export function useApprovals(status?: ApprovalStatus) {
  return useQuery({
    queryKey: [...APPROVALS_QUERY_KEY, status ?? 'all'],
    queryFn: ({ signal }) =>
      apiGet(withQuery('/approvals', { status }), z.array(approvalSchema), signal),
  });
}

export function useApprovalsChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: APPROVALS_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: ['identity', 'invitations'] });
  };
}

export function useRequestAdminGrant() {
  const changed = useApprovalsChanged();
  return useMutation({
    mutationFn: (userId: string) => apiSend('POST', '/admin-grants', { userId }, approvalSchema),
    onSuccess: changed,
  });
}

export function useRequestAdminWithdrawal() {
  const changed = useApprovalsChanged();
  return useMutation({
    mutationFn: (userId: string) =>
      apiSend('DELETE', `/admin-grants/holders/${userId}`, undefined, approvalSchema),
    onSuccess: changed,
  });
}

export function useDecideApproval() {
  const changed = useApprovalsChanged();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      apiSend('POST', `/approvals/${id}/decision`, { decision }, approvalDecisionSchema),
    onSuccess: changed,
  });
}

export function useCancelApproval() {
  const changed = useApprovalsChanged();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/approvals/${id}/cancel`, {}, approvalSchema),
    onSuccess: changed,
  });
}
