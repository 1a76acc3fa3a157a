import { FACETS, type FacetName, type Language } from '@coop/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SearchParams } from '../api';
import { interfaceLanguage } from '../i18n';
import { isContentLanguage } from '../labels';

const MAX_VALUES = 20;

export interface SearchState extends SearchParams {
  /** The content language was chosen, rather than following the interface language. */
  langChosen: boolean;
}

/**
 * The search lives in the address (q, lang, sort and one repeated parameter per facet), so a
 * search can be bookmarked and shared, and the back button undoes a change.
 */
export function useSearchState(): [
  SearchState,
  (
    change: Partial<Omit<SearchParams, 'filters'>> & { filters?: Partial<SearchParams['filters']> },
    push?: boolean,
  ) => void,
] {
  const [params, setParams] = useSearchParams();
  // The default content language follows the interface language.
  useTranslation();
  const uiLanguage = interfaceLanguage();
  const raw = params.toString();
  const state = useMemo<SearchState>(() => {
    const read = new URLSearchParams(raw);
    const lang = read.get('lang');
    const sort = read.get('sort');
    const filters = Object.fromEntries(
      FACETS.map((name) => [
        name,
        [...new Set(read.getAll(name).filter((v) => v.length > 0 && v.length <= 200))].slice(
          0,
          MAX_VALUES,
        ),
      ]),
    ) as Record<FacetName, string[]>;
    return {
      q: (read.get('q') ?? '').slice(0, 300),
      lang: isContentLanguage(lang) ? lang : uiLanguage,
      langChosen: isContentLanguage(lang),
      sort: sort === 'relevance' || sort === 'date' ? sort : null,
      filters,
    };
  }, [raw, uiLanguage]);

  const update = useCallback(
    (
      change: Partial<Omit<SearchParams, 'filters'>> & {
        filters?: Partial<SearchParams['filters']>;
      },
      push = false,
    ) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (change.q !== undefined) {
            if (change.q.trim()) next.set('q', change.q.trim());
            else next.delete('q');
          }
          if (change.lang !== undefined) next.set('lang', change.lang);
          if (change.sort !== undefined) {
            if (change.sort) next.set('sort', change.sort);
            else next.delete('sort');
          }
          for (const [name, values] of Object.entries(change.filters ?? {})) {
            next.delete(name);
            for (const value of values ?? []) next.append(name, value);
          }
          return next;
        },
        { replace: !push },
      ),
    [setParams],
  );
  return [state, update];
}

export const hasFilters = (filters: Record<FacetName, string[]>): boolean =>
  Object.values(filters).some((values) => values.length > 0);

export const emptyFilters = (): Record<FacetName, string[]> =>
  Object.fromEntries(FACETS.map((name) => [name, []])) as unknown as Record<FacetName, string[]>;

/** The search the API should run: the state without the address-only details. */
export function apiParams(state: SearchState): SearchParams {
  return { q: state.q, lang: state.lang as Language, sort: state.sort, filters: state.filters };
}
