import { meSchema, type Me, type Role } from '@coop/contracts';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiProblem, apiGet } from './api-client';

export const ME_QUERY_KEY = ['identity', 'me'] as const;

/** Who is signed in, or null when the API says nobody is (401). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await apiGet('/me', meSchema, signal);
  } catch (error) {
    if (error instanceof ApiProblem && error.problem.status === 401) return null;
    throw error;
  }
}

const isMeKey = (key: readonly unknown[]) =>
  key.length === ME_QUERY_KEY.length && key.every((part, i) => part === ME_QUERY_KEY[i]);

export function useMe() {
  // Fresh for a while: RequireSignedIn asks again at every navigation, which is what matters.
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 30_000,
  });
}

/** The signed-in user inside a guarded route, where `useMe` has already answered. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser is for routes behind RequireSignedIn');
  return data;
}

export function hasRole(me: Me | null | undefined, role: Role): boolean {
  return !!me?.user.roles.includes(role);
}

const sessionEndListeners = new Set<() => void>();

/**
 * Runs `listener` whenever the session ends (sign-out, or the API says it is gone), before
 * anything else is forgotten. Returns the way to stop listening.
 */
export function onSessionEnd(listener: () => void): () => void {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

/** Forgets everything fetched for the previous user, so nothing of theirs is shown to the next. */
export function markSignedOut(queryClient: QueryClient): void {
  // What is held in memory for this session goes first, whatever else is known (the keys among it).
  for (const listener of sessionEndListeners) listener();
  if (!queryClient.getQueryData(ME_QUERY_KEY)) return;
  queryClient.removeQueries({ predicate: (query) => !isMeKey(query.queryKey) });
  queryClient.setQueryData(ME_QUERY_KEY, null);
}

export function useSession() {
  const queryClient = useQueryClient();
  const signedIn = useCallback(
    (me: Me) => {
      // The invitation page is still on screen while it signs in: its preview must not refetch.
      queryClient.removeQueries({
        predicate: (query) => !isMeKey(query.queryKey) && query.queryKey[1] !== 'invitation',
      });
      queryClient.setQueryData(ME_QUERY_KEY, me);
    },
    [queryClient],
  );
  const signedOut = useCallback(() => markSignedOut(queryClient), [queryClient]);
  return { signedIn, signedOut };
}
