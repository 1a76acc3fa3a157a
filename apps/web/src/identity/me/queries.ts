import { passkeySchema, sessionSchema } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiCall, apiGet, apiSend } from '../../app/api-client';
import { addPasskey } from '../auth/passkey-ceremonies';

const MY_PASSKEYS = ['identity', 'me', 'passkeys'] as const;
const MY_SESSIONS = ['identity', 'me', 'sessions'] as const;

export function useMyPasskeys() {
  return useQuery({
    queryKey: MY_PASSKEYS,
    queryFn: ({ signal }) => apiGet('/me/passkeys', z.array(passkeySchema), signal),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: MY_SESSIONS,
    queryFn: ({ signal }) => apiGet('/me/sessions', z.array(sessionSchema), signal),
  });
}

function usePasskeysChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: MY_PASSKEYS });
}

export function useRenamePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiSend('PATCH', `/me/passkeys/${id}`, { name }, passkeySchema),
    onSuccess: changed,
  });
}

export function useRevokePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: (id: string) => apiCall('DELETE', `/me/passkeys/${id}`),
    onSuccess: changed,
  });
}

export function useAddPasskey() {
  const changed = usePasskeysChanged();
  return useMutation({ mutationFn: addPasskey, onSuccess: changed });
}

export function useRevokeSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) await apiCall('DELETE', `/me/sessions/${id}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS }),
  });
}
