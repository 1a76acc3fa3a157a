import type {
  CaselawContent,
  CaselawStatus,
  CreateEntry,
  EditorEntry,
  EditorEntryList,
  ImportReport,
  Revision,
  RevisionDiff,
  RevisionSummary,
  Topic,
} from '@coop/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, withQuery } from '../../app/api-client';
import { CASELAW_QUERY_KEY } from '../api';
import { isArray, isNumber, isObject, isString, listOf, shaped } from '../shapes';

const EDITOR_KEY = [...CASELAW_QUERY_KEY, 'editor'] as const;

const entryList = shaped<EditorEntryList>((v) => isNumber(v.total) && isArray(v.entries));
const editorEntry = shaped<EditorEntry>(
  (v) =>
    isString(v.id) &&
    isString(v.status) &&
    isNumber(v.revision) &&
    isObject(v.content) &&
    isObject(v.title),
);
const revisions = listOf<RevisionSummary>((v) => isNumber(v.number) && isString(v.createdAt));
const revision = shaped<Revision>((v) => isNumber(v.number) && isObject(v.content));
const diff = shaped<RevisionDiff>((v) => isArray(v.changes) && isNumber(v.from));
const topic = shaped<Topic>((v) => isString(v.key) && isObject(v.labels));
export const importReport = shaped<ImportReport>(
  (v) => isArray(v.created) && isArray(v.updated) && isArray(v.unchanged),
);

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
      return apiGet(`/caselaw/editor/entries?${params.toString()}`, entryList, signal);
    },
  });
}

const entryKey = (id: string) => [...EDITOR_KEY, 'entry', id];

export function useEditorEntry(id: string) {
  return useQuery({
    queryKey: entryKey(id),
    queryFn: ({ signal }) =>
      apiGet(`/caselaw/editor/entries/${encodeURIComponent(id)}`, editorEntry, signal),
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
        revision,
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
        diff,
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
      apiSend('POST', '/caselaw/editor/entries', input, editorEntry),
    onSuccess: changed,
  });
}

export function useUpdateEntry(id: string) {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: { baseRevision: number; content: CaselawContent; note?: string }) =>
      apiSend('PUT', `/caselaw/editor/entries/${encodeURIComponent(id)}`, input, editorEntry),
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
        editorEntry,
      );
    },
    onSuccess: changed,
  });
}

export function useCreateTopic() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: Topic) => apiSend('POST', '/caselaw/topics', input, topic),
    onSuccess: () => changed(),
  });
}
