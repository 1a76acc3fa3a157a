import {
  invitationSchema,
  issuedInvitationSchema,
  type CreateInvitation,
  type InvitationStatus,
} from '@coop/contracts';
import { z } from 'zod';
import { apiGet, apiSend, withQuery } from '../../platform';

export const fetchInvitations = (status: InvitationStatus | undefined, signal?: AbortSignal) =>
  apiGet(withQuery('/invitations', { status }), z.array(invitationSchema), signal);

export const createInvitation = (input: CreateInvitation) =>
  apiSend('POST', '/invitations', input, issuedInvitationSchema);

export const revokeInvitation = (id: string) =>
  apiSend('DELETE', `/invitations/${id}`, undefined, invitationSchema);
