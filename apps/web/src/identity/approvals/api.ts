import { approvalDecisionSchema, approvalSchema, type ApprovalStatus } from '@coop/contracts';
import { z } from 'zod';
import { apiGet, apiSend, withQuery } from '../../platform';

export const fetchApprovals = (status: ApprovalStatus | undefined, signal?: AbortSignal) =>
  apiGet(withQuery('/approvals', { status }), z.array(approvalSchema), signal);

export const requestAdminGrant = (userId: string) =>
  apiSend('POST', '/admin-grants', { userId }, approvalSchema);

export const requestAdminWithdrawal = (userId: string) =>
  apiSend('DELETE', `/admin-grants/holders/${userId}`, undefined, approvalSchema);

export const decideApproval = ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
  apiSend('POST', `/approvals/${id}/decision`, { decision }, approvalDecisionSchema);

export const cancelApproval = (id: string) =>
  apiSend('POST', `/approvals/${id}/cancel`, {}, approvalSchema);
