import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from '../platform';
import { fetchLastSignIn, fetchNotices, markRead } from './api';

export const NOTICES_QUERY_KEY = ['notices'] as const;

/** The signed-in user's notices and how many are unread; checked again every minute. */
export function useNotices() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: [...NOTICES_QUERY_KEY, me?.user.id],
    queryFn: ({ signal }) => fetchNotices(signal),
    enabled: !!me,
    refetchInterval: 60_000,
  });
}

/** For screens that change what notices say (a passkey added or revoked here). */
export function useNoticesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: NOTICES_QUERY_KEY });
}

export function useMarkRead() {
  const changed = useNoticesChanged();
  return useMutation({
    mutationFn: markRead,
    onSuccess: changed,
  });
}

/** The sign-in before this session's, once per session. */
export function useLastSignIn() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: [...NOTICES_QUERY_KEY, 'last-sign-in', me?.session.id],
    queryFn: ({ signal }) => fetchLastSignIn(signal),
    enabled: !!me,
    staleTime: Infinity,
  });
}
