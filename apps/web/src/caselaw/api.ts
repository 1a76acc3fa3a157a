import {
  caselawViewSchema,
  editorEntryListSchema,
  editorEntrySchema,
  importFileSchema,
  importProblemSchema,
  importReportSchema,
  revisionDiffSchema,
  revisionSummarySchema,
  searchResponseSchema,
  topicSchema,
  type CaselawContent,
  type CaselawStatus,
  type CreateEntry,
  type FacetName,
  type ImportProblem,
  type ImportReport,
  type Language,
  type Topic,
} from '@coop/contracts';
import { z } from 'zod';
import { ApiProblem, apiGet, apiHref, apiSend, withQuery } from '../platform';

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

export const fetchSearchPage = (params: SearchParams, offset: number, signal?: AbortSignal) =>
  apiGet(searchPath(params, offset), searchResponseSchema, signal);

export const fetchView = (id: string, signal?: AbortSignal) =>
  apiGet(`/caselaw/entries/${encodeURIComponent(id)}`, caselawViewSchema, signal);

export const fetchTopics = (signal?: AbortSignal) =>
  apiGet('/caselaw/topics', z.array(topicSchema), signal);

export const createTopic = (input: Topic) => apiSend('POST', '/caselaw/topics', input, topicSchema);

export interface EditorListFilter {
  status: CaselawStatus[];
  q: string;
}

export function fetchEditorList(filter: EditorListFilter, limit: number, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const status of filter.status) params.append('status', status);
  if (filter.q.trim()) params.set('q', filter.q.trim());
  params.set('limit', String(limit));
  return apiGet(`/caselaw/editor/entries?${params.toString()}`, editorEntryListSchema, signal);
}

const entryPath = (id: string) => `/caselaw/editor/entries/${encodeURIComponent(id)}`;

export const fetchEditorEntry = (id: string, signal?: AbortSignal) =>
  apiGet(entryPath(id), editorEntrySchema, signal);

export const fetchRevisions = (id: string, signal?: AbortSignal) =>
  apiGet(`${entryPath(id)}/revisions`, z.array(revisionSummarySchema), signal);

export const fetchDiff = (id: string, from: number, to: number, signal?: AbortSignal) =>
  apiGet(
    withQuery(`${entryPath(id)}/diff`, { from: String(from), to: String(to) }),
    revisionDiffSchema,
    signal,
  );

export const createEntry = (input: CreateEntry) =>
  apiSend('POST', '/caselaw/editor/entries', input, editorEntrySchema);

export interface EntryUpdate {
  baseRevision: number;
  content: CaselawContent;
  note?: string;
}

export const updateEntry = (id: string, input: EntryUpdate) =>
  apiSend('PUT', entryPath(id), input, editorEntrySchema);

export type WorkflowAction = 'submit' | 'return' | 'publish' | 'unpublish';

export interface WorkflowStep {
  action: WorkflowAction;
  revision: number;
  reason?: string;
}

export function runWorkflow(id: string, { action, revision, reason }: WorkflowStep) {
  const body = action === 'unpublish' ? { reason } : action === 'return' ? undefined : { revision };
  return apiSend('POST', `${entryPath(id)}/${action}`, body, editorEntrySchema);
}

export type ImportOutcome =
  { ok: true; report: ImportReport } | { ok: false; detail: string; problems: ImportProblem[] };

/** The file is not something to send: not JSON, or not an export of this platform. */
export class UnreadableFile extends Error {
  constructor(readonly reason: 'json' | 'format') {
    super(reason === 'json' ? 'The file is not JSON.' : 'The file is not a case-law export.');
    this.name = 'UnreadableFile';
  }
}

/**
 * Sends an export file to be imported, all or nothing. A refusal (422) is an outcome, not a
 * failure: it lists each problem with its section and row.
 */
export async function importFile(text: string): Promise<ImportOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UnreadableFile('json');
  }
  if (!importFileSchema.safeParse(parsed).success) throw new UnreadableFile('format');
  try {
    const report = await apiSend('POST', '/caselaw/editor/import', parsed, importReportSchema);
    return { ok: true, report };
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.problem.status !== 422) throw error;
    const problems = z.array(importProblemSchema).safeParse(error.problem.errors ?? []);
    return {
      ok: false,
      detail: error.problem.detail,
      problems: problems.success ? problems.data : [],
    };
  }
}

/** The address of an export, which the browser downloads itself. */
export const exportHref = (format: 'json' | 'csv') =>
  apiHref(`/caselaw/editor/export?format=${format}`);
