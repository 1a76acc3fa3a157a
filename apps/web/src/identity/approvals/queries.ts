import { APPROVAL_STATUSES, type Approval, type ApprovalStatus } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { USERS_QUERY_KEY } from '../users/queries';
import {
  cancelApproval,
  decideApproval,
  fetchApprovals,
  requestAdminGrant,
  requestAdminWithdrawal,
} from './api';

export const APPROVALS_QUERY_KEY = ['identity', 'approvals'] as const;

export { APPROVAL_STATUSES };
export type { ApprovalStatus };

/** What an admin action answers when it waits for a second admin instead of happening. */
export const isApproval = (value: object): value is Approval => 'kind' in value;

export function useApprovals(status?: ApprovalStatus) {
  return useQuery({
    queryKey: [...APPROVALS_QUERY_KEY, status ?? 'all'],
    queryFn: ({ signal }) => fetchApprovals(status, signal),
  });
}

function useApprovalsChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: APPROVALS_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
    await queryClient.invalidateQueries({ queryKey: ['identity', 'invitations'] });
  };
}

export function useRequestAdminGrant() {
  const changed = useApprovalsChanged();
  return useMutation({ mutationFn: requestAdminGrant, onSuccess: changed });
}

export function useRequestAdminWithdrawal() {
  const changed = useApprovalsChanged();
  return useMutation({ mutationFn: requestAdminWithdrawal, onSuccess: changed });
}

export function useDecideApproval() {
  const changed = useApprovalsChanged();
  return useMutation({ mutationFn: decideApproval, onSuccess: changed });
}

export function useCancelApproval() {
  const changed = useApprovalsChanged();
  return useMutation({ mutationFn: cancelApproval, onSuccess: changed });
}
