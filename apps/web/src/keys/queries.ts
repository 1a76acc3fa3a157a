import { createAttestation } from '@coop/crypto';
import type { User, UserKeys } from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe, useSignedInUser } from '../platform';
import {
  attest,
  fetchAllUsers,
  fetchMyKeys,
  fetchRootKey,
  fetchStateMembers,
  fetchUserKeys,
  fetchVerifications,
  recordVerification,
} from './api';
import { accountKeys } from './key-store';
import { checkedCurrent, KeysProblem, type CheckedRecord } from './operations';

export const KEYS_QUERY_KEY = ['keys'] as const;
export const MY_KEYS_QUERY_KEY = [...KEYS_QUERY_KEY, 'me'] as const;
const VERIFICATIONS_QUERY_KEY = [...KEYS_QUERY_KEY, 'verifications'] as const;

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
      const keys = await fetchMyKeys(signal);
      if (keys.userId !== userId) throw new KeysProblem('wrong-user');
      return { keys, checked: await checkedCurrent(keys) };
    },
    enabled: !!userId,
    staleTime: Infinity,
  });
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
    queryFn: ({ signal }) => fetchVerifications(signal),
    enabled: !!me,
    staleTime: 30_000,
  });
}

export function useRecordVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordVerification,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VERIFICATIONS_QUERY_KEY }),
  });
}

/** The first Registry admin's key: the root of attestations, compared out of band. */
export function useRootKey() {
  return useQuery({
    queryKey: [...KEYS_QUERY_KEY, 'root'],
    queryFn: ({ signal }) => fetchRootKey(signal),
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
      all ? fetchAllUsers(signal) : fetchStateMembers(stateCode ?? '', signal),
    enabled: !!me && (all || !!stateCode),
    staleTime: 30_000,
    select: (users) => users.filter((user) => user.id !== myId && user.status === 'active'),
  });
}

/** Signs, with the unlocked keys, that `user`'s key is the one compared, and publishes that. */
export function useAttest(user: User) {
  const queryClient = useQueryClient();
  const me = useSignedInUser();
  return useMutation({
    mutationFn: async (fingerprint: string) => {
      const mine = accountKeys(me.user.id);
      if (!mine) throw new Error('keys locked');
      const attestation = await createAttestation(
        {
          subjectUserId: user.id,
          stateCode: user.stateCode,
          roles: [...user.roles],
          fingerprint,
          attesterUserId: me.user.id,
          attesterFingerprint: mine.fingerprint,
          attestedAt: new Date().toISOString(),
        },
        mine.keys,
      );
      return attest(user.id, attestation);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS_QUERY_KEY }),
  });
}
