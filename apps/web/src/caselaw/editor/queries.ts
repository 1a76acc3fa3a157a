import {
  editorEntryListSchema,
  editorEntrySchema,
  revisionDiffSchema,
  revisionSchema,
  revisionSummarySchema,
  topicSchema,
  type CaselawContent,
  type CaselawStatus,
  type CreateEntry,
  type EditorEntry,
  type Topic,
} from '@coop/contracts';
import { z } from 'zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, withQuery } from '../../platform';
import { CASELAW_QUERY_KEY } from '../api';

const EDITOR_KEY = [...CASELAW_QUERY_KEY, 'editor'] as const;

const revisions = z.array(revisionSummarySchema);
export interface EditorListFilter {
  status: CaselawStatus[];
  q: string;
}

export function useEditorList(filter: EditorListFilter, limit = 200) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'list', filter, limit],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      for (const status of filter.status) params.append('status', status);
      if (filter.q.trim()) params.set('q', filter.q.trim());
      params.set('limit', String(limit));
      return apiGet(`/caselaw/editor/entries?${params.toString()}`, editorEntryListSchema, signal);
    },
  });
}

const entryKey = (id: string) => [...EDITOR_KEY, 'entry', id];

export function useEditorEntry(id: string) {
  return useQuery({
    queryKey: entryKey(id),
    queryFn: ({ signal }) =>
      apiGet(`/caselaw/editor/entries/${encodeURIComponent(id)}`, editorEntrySchema, signal),
    retry: false,
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: [...entryKey(id), 'revisions'],
    queryFn: ({ signal }) =>
      apiGet(`/caselaw/editor/entries/${encodeURIComponent(id)}/revisions`, revisions, signal),
  });
}

export function useRevision(id: string, number: number | null) {
  return useQuery({
    queryKey: [...entryKey(id), 'revision', number],
    queryFn: ({ signal }) =>
      apiGet(
        `/caselaw/editor/entries/${encodeURIComponent(id)}/revisions/${number ?? 0}`,
        revisionSchema,
        signal,
      ),
    enabled: number !== null,
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...entryKey(id), 'diff', from, to],
    queryFn: ({ signal }) =>
      apiGet(
        withQuery(`/caselaw/editor/entries/${encodeURIComponent(id)}/diff`, {
          from: String(from ?? 1),
          to: String(to ?? 1),
        }),
        revisionDiffSchema,
        signal,
      ),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Everything readers and editors see may have changed: search, views, lists. */
function useCaselawChanged() {
  const queryClient = useQueryClient();
  return (entry?: EditorEntry) => {
    if (entry) queryClient.setQueryData(entryKey(entry.id), entry);
    return queryClient.invalidateQueries({ queryKey: CASELAW_QUERY_KEY });
  };
}

export function useCreateEntry() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: CreateEntry) =>
      apiSend('POST', '/caselaw/editor/entries', input, editorEntrySchema),
    onSuccess: changed,
  });
}

export function useUpdateEntry(id: string) {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: { baseRevision: number; content: CaselawContent; note?: string }) =>
      apiSend('PUT', `/caselaw/editor/entries/${encodeURIComponent(id)}`, input, editorEntrySchema),
    onSuccess: changed,
  });
}

export type WorkflowAction = 'submit' | 'return' | 'publish' | 'unpublish';

export function useWorkflow(id: string) {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: ({
      action,
      revision: number,
      reason,
    }: {
      action: WorkflowAction;
      revision: number;
      reason?: string;
    }) => {
      const body =
        action === 'unpublish'
          ? { reason }
          : action === 'return'
            ? undefined
            : { revision: number };
      return apiSend(
        'POST',
        `/caselaw/editor/entries/${encodeURIComponent(id)}/${action}`,
        body,
        editorEntrySchema,
      );
    },
    onSuccess: changed,
  });
}

export function useCreateTopic() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: Topic) => apiSend('POST', '/caselaw/topics', input, topicSchema),
    onSuccess: () => changed(),
  });
}
