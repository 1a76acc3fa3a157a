import {
  caselawViewSchema,
  searchResponseSchema,
  topicSchema,
  type FacetName,
  type Language,
} from '@coop/contracts';
import { z } from 'zod';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiGet } from '../platform';

export const CASELAW_QUERY_KEY = ['caselaw'] as const;
export const PAGE_SIZE = 20;

/** The search as the address carries it; every list is a repeated query parameter. */
export interface SearchParams {
  q: string;
  lang: Language;
  sort: 'relevance' | 'date' | null;
  filters: Record<FacetName, string[]>;
}

/** The API's query string for a search and one page of it. */
export function searchPath(params: SearchParams, offset: number): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  query.set('lang', params.lang);
  if (params.sort) query.set('sort', params.sort);
  for (const [name, values] of Object.entries(params.filters)) {
    for (const value of values) query.append(name, value);
  }
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String(offset));
  return `/caselaw/search?${query.toString()}`;
}

export const searchKey = (params: SearchParams) => [...CASELAW_QUERY_KEY, 'search', params];

export function fetchSearchPage(params: SearchParams, offset: number, signal?: AbortSignal) {
  return apiGet(searchPath(params, offset), searchResponseSchema, signal);
}

/** Pages of results; the facets and total come with every page. */
export function useCaselawSearch(params: SearchParams) {
  return useInfiniteQuery({
    queryKey: searchKey(params),
    queryFn: ({ pageParam, signal }) => fetchSearchPage(params, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.results.length;
      return last.results.length > 0 && next < last.total ? next : undefined;
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A published entry or explainer, as every reader sees it. */
export function useCaselawView(id: string) {
  return useQuery({
    queryKey: [...CASELAW_QUERY_KEY, 'view', id],
    queryFn: ({ signal }) =>
      apiGet(`/caselaw/entries/${encodeURIComponent(id)}`, caselawViewSchema, signal),
    retry: false,
  });
}

/** The topic vocabulary, with labels in every language. */
export function useTopics() {
  return useQuery({
    queryKey: [...CASELAW_QUERY_KEY, 'topics'],
    queryFn: ({ signal }) => apiGet('/caselaw/topics', z.array(topicSchema), signal),
    staleTime: 5 * 60_000,
  });
}
