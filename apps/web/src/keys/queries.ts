import {
  rootKeySchema,
  userKeysSchema,
  userSchema,
  verificationSchema,
  wrapKindSchema,
  wrapRecordSchema,
  type UserKeys,
} from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, useMe } from '../platform';
import { checkedCurrent, KeysProblem, type CheckedRecord } from './operations';

export const KEYS_QUERY_KEY = ['keys'] as const;
export const MY_KEYS_QUERY_KEY = [...KEYS_QUERY_KEY, 'me'] as const;
const VERIFICATIONS_QUERY_KEY = [...KEYS_QUERY_KEY, 'verifications'] as const;

const userKeysPath = (userId: string) => `/keys/users/${encodeURIComponent(userId)}`;

export interface OwnKeys {
  keys: UserKeys;
  /** The current record, its self-signature checked here; null before enrolment. */
  checked: CheckedRecord | null;
}

export const ownKeysQueryKey = (userId: string | undefined) => [...MY_KEYS_QUERY_KEY, userId];

/** The signed-in user's own key record and history. */
export function useOwnKeys() {
  const { data: me } = useMe();
  const userId = me?.user.id;
  return useQuery({
    queryKey: ownKeysQueryKey(userId),
    queryFn: async ({ signal }): Promise<OwnKeys> => {
      const keys = await apiGet('/keys/me', userKeysSchema, signal);
      if (keys.userId !== userId) throw new KeysProblem('wrong-user');
      return { keys, checked: await checkedCurrent(keys) };
    },
    enabled: !!userId,
    staleTime: Infinity,
  });
}

/** The wrap of the passkey this session signed in with: ciphertext only, fetched to be opened. */
export function fetchMyWraps(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps', z.array(wrapRecordSchema), signal);
}

/**
 * Every wrap of the keys, recovery and passphrase ones included. The API serves them only after a
 * fresh passkey confirmation, which the API client asks for when needed.
 */
export function fetchAllMyWraps(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps/all', z.array(wrapRecordSchema), signal);
}

/** Which secrets can open the keys (the kinds of wrap there are), without the wraps themselves. */
export function fetchMyWrapKinds(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps/kinds', z.array(wrapKindSchema), signal);
}

export function fetchUserKeys(userId: string, signal?: AbortSignal): Promise<UserKeys> {
  return apiGet(userKeysPath(userId), userKeysSchema, signal);
}

/** Anyone's public keys, history and attestations, as the directory serves them. */
export function useUserKeys(userId: string | undefined) {
  return useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'user', userId],
    queryFn: ({ signal }) => fetchUserKeys(userId ?? '', signal),
    enabled: !!userId,
    staleTime: 30_000,
  });
}

/** The contacts whose keys I compared, and whether their key changed since. */
export function useVerifications() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: [...VERIFICATIONS_QUERY_KEY, me?.user.id],
    queryFn: ({ signal }) => apiGet('/keys/verifications', z.array(verificationSchema), signal),
    enabled: !!me,
    staleTime: 30_000,
  });
}

export function useRecordVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { subjectUserId: string; fingerprint: string }) =>
      apiSend('POST', '/keys/verifications', input, verificationSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VERIFICATIONS_QUERY_KEY }),
  });
}

/** The first Registry admin's key: the root of attestations, compared out of band. */
export function useRootKey() {
  return useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'root'],
    queryFn: ({ signal }) => apiGet('/keys/root', rootKeySchema, signal),
    staleTime: 5 * 60_000,
  });
}

export function useInvalidateKeys() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEYS_QUERY_KEY });
}

/** Someone's directory entry with its current record checked here (null when they have none). */
export function useCheckedUserKeys(userId: string | undefined) {
  return useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'user', userId, 'checked'],
    queryFn: async ({ signal }): Promise<OwnKeys> => {
      const keys = await fetchUserKeys(userId ?? '', signal);
      if (keys.userId !== userId) throw new KeysProblem('wrong-user');
      return { keys, checked: await checkedCurrent(keys) };
    },
    enabled: !!userId,
    staleTime: 30_000,
  });
}

/** The people a user works with: every active account for admins, else one State's members. */
export function useContacts(stateCode: string | null) {
  const { data: me } = useMe();
  const all = !!me?.user.roles.includes('registry_admin');
  const myId = me?.user.id;
  return useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'contacts', all ? '*' : stateCode],
    queryFn: ({ signal }) =>
      all
        ? apiGet('/users', z.array(userSchema), signal)
        : apiGet(
            `/states/${encodeURIComponent(stateCode ?? '')}/members`,
            z.array(userSchema),
            signal,
          ),
    enabled: !!me && (all || !!stateCode),
    staleTime: 30_000,
    select: (users) => users.filter((user) => user.id !== myId && user.status === 'active'),
  });
}
