import type { CreateEntry, EditorEntry, Topic } from '@coop/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  createEntry,
  createTopic,
  fetchDiff,
  fetchEditorEntry,
  fetchEditorList,
  fetchRevisions,
  fetchSearchPage,
  fetchTopics,
  fetchView,
  importFile,
  runWorkflow,
  updateEntry,
  type EditorListFilter,
  type EntryUpdate,
  type SearchParams,
  type WorkflowStep,
} from './api';

const CASELAW_KEY = ['caselaw'] as const;
const EDITOR_KEY = [...CASELAW_KEY, 'editor'] as const;
const entryKey = (id: string) => [...EDITOR_KEY, 'entry', id];

/** Pages of results; the facets and total come with every page. */
export function useCaselawSearch(params: SearchParams) {
  return useInfiniteQuery({
    queryKey: [...CASELAW_KEY, 'search', params],
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
    queryKey: [...CASELAW_KEY, 'view', id],
    queryFn: ({ signal }) => fetchView(id, signal),
    retry: false,
  });
}

/** The topic vocabulary, with labels in every language. */
export function useTopics() {
  return useQuery({
    queryKey: [...CASELAW_KEY, 'topics'],
    queryFn: ({ signal }) => fetchTopics(signal),
    staleTime: 5 * 60_000,
  });
}

export function useEditorList(filter: EditorListFilter, limit = 200) {
  return useQuery({
    queryKey: [...EDITOR_KEY, 'list', filter, limit],
    queryFn: ({ signal }) => fetchEditorList(filter, limit, signal),
  });
}

export function useEditorEntry(id: string) {
  return useQuery({
    queryKey: entryKey(id),
    queryFn: ({ signal }) => fetchEditorEntry(id, signal),
    retry: false,
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: [...entryKey(id), 'revisions'],
    queryFn: ({ signal }) => fetchRevisions(id, signal),
  });
}

export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...entryKey(id), 'diff', from, to],
    queryFn: ({ signal }) => fetchDiff(id, from ?? 1, to ?? 1, signal),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Everything readers and editors see may have changed: search, views, lists. */
function useCaselawChanged() {
  const queryClient = useQueryClient();
  return (entry?: EditorEntry) => {
    if (entry) queryClient.setQueryData(entryKey(entry.id), entry);
    return queryClient.invalidateQueries({ queryKey: CASELAW_KEY });
  };
}

export function useCreateEntry() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: CreateEntry) => createEntry(input),
    onSuccess: changed,
  });
}

export function useUpdateEntry(id: string) {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: EntryUpdate) => updateEntry(id, input),
    onSuccess: changed,
  });
}

export function useWorkflow(id: string) {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (step: WorkflowStep) => runWorkflow(id, step),
    onSuccess: changed,
  });
}

export function useCreateTopic() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: (input: Topic) => createTopic(input),
    onSuccess: () => changed(),
  });
}

/** An import that went through changes every list; a refused one changes nothing. */
export function useImportFile() {
  const changed = useCaselawChanged();
  return useMutation({
    mutationFn: importFile,
    onSuccess: async (outcome) => {
      if (outcome.ok) await changed();
    },
  });
}
