import { auditEntrySchema } from '@coop/contracts';
import { z } from 'zod';
import { apiGet, apiHref, withQuery } from '../platform';

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

/** One page, newest first, of the entries older than the cursor `before`. */
export const fetchAuditPage = (filter: AuditFilter, before?: string, signal?: AbortSignal) =>
  apiGet(withQuery('/audit', { ...filter, before, limit: PAGE_SIZE }), auditPageSchema, signal);

/** Where the browser downloads the filtered log itself (it may be large). */
export const auditExportHref = (filter: AuditFilter) =>
  apiHref(withQuery('/audit/export', { ...filter }));
