import { passkeySchema, sessionSchema } from '@coop/contracts';
import { z } from 'zod';
import { apiCall, apiGet, apiSend } from '../../platform';

export const fetchMyPasskeys = (signal?: AbortSignal) =>
  apiGet('/me/passkeys', z.array(passkeySchema), signal);

export const fetchMySessions = (signal?: AbortSignal) =>
  apiGet('/me/sessions', z.array(sessionSchema), signal);

export const renamePasskey = ({ id, name }: { id: string; name: string }) =>
  apiSend('PATCH', `/me/passkeys/${id}`, { name }, passkeySchema);

export const revokePasskey = (id: string) => apiCall('DELETE', `/me/passkeys/${id}`);

export const revokeSession = (id: string) => apiCall('DELETE', `/me/sessions/${id}`);
