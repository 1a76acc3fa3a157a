import { auditEntrySchema } from '@coop/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, withQuery } from '../platform';

const PAGE_SIZE = '50';

const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

/** The filters the audit log API takes, as query-string values. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  stateCode?: string;
  from?: string;
  to?: string;
}

/** Newest first, a page at a time; each page's cursor fetches the older ones. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      apiGet(
        withQuery('/audit', { ...filter, before: pageParam, limit: PAGE_SIZE }),
        auditPageSchema,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
