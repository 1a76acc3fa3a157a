import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { savePasskeyWrap } from '../../keys';
import { useNoticesChanged } from '../../notices';
import { useSignedInUser } from '../../platform';
import { addPasskey } from '../../webauthn';
import {
  fetchMyPasskeys,
  fetchMySessions,
  renamePasskey,
  revokePasskey,
  revokeSession,
} from './api';

const MY_PASSKEYS = ['identity', 'me', 'passkeys'] as const;
const MY_SESSIONS = ['identity', 'me', 'sessions'] as const;

export function useMyPasskeys() {
  return useQuery({
    queryKey: MY_PASSKEYS,
    queryFn: ({ signal }) => fetchMyPasskeys(signal),
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: MY_SESSIONS,
    queryFn: ({ signal }) => fetchMySessions(signal),
  });
}

function usePasskeysChanged() {
  const queryClient = useQueryClient();
  const noticesChanged = useNoticesChanged();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: MY_PASSKEYS }), noticesChanged()]);
}

export function useRenamePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: renamePasskey,
    onSuccess: changed,
  });
}

export function useRevokePasskey() {
  const changed = usePasskeysChanged();
  return useMutation({
    mutationFn: revokePasskey,
    onSuccess: changed,
  });
}

/**
 * Adds a passkey and, when it gave a PRF output, wraps the unlocked keys for it, so signing in
 * with it later unlocks them without asking for the recovery key.
 */
export function useAddPasskey() {
  const changed = usePasskeysChanged();
  const me = useSignedInUser();
  return useMutation({
    mutationFn: async (name: string) => {
      const passkey = await addPasskey(name);
      try {
        await savePasskeyWrap(me.user.id);
      } catch {
        // The passkey is added either way; without its wrap it asks for the recovery key once.
      }
      return passkey;
    },
    onSuccess: changed,
  });
}

export function useRevokeSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) await revokeSession(id);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS }),
  });
}
