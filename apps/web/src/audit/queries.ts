import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchAuditPage, type AuditFilter } from './api';

/** Newest first, a page at a time; each page's cursor fetches the older ones. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filter, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
