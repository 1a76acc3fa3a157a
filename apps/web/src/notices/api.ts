import { lastSignInSchema, noticeListSchema } from '@coop/contracts';
import { apiCall, apiGet } from '../platform';

export const fetchNotices = (signal?: AbortSignal) =>
  apiGet('/me/notices', noticeListSchema, signal);

/** Marks one notice read, or every one ('all'). */
export const markRead = (id: string | 'all') =>
  apiCall('POST', id === 'all' ? '/me/notices/read' : `/me/notices/${id}/read`);

export const fetchLastSignIn = (signal?: AbortSignal) =>
  apiGet('/me/last-sign-in', lastSignInSchema, signal);
