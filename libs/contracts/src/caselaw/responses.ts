import { z } from 'zod';
import { schemaOf } from '../platform/schema-of';
import { LANGUAGES, localizedNamesSchema } from '../states/states';
import {
  caselawContentSchema,
  CASELAW_FILE_FORMAT,
  CASELAW_KINDS,
  CASELAW_STATUSES,
  CHAMBERS,
  DOCUMENT_TYPES,
  FACETS,
  linkSchema,
  quoteSchema,
  REVISION_ORIGINS,
  SEARCH_SORTS,
  sourceSchema,
  topicLabelsSchema,
  type CaselawExport,
  type CaselawView,
  type EditorEntry,
  type EditorEntryList,
  type ImportProblem,
  type ImportReport,
  type Revision,
  type RevisionDiff,
  type RevisionSummary,
  type SearchResponse,
  type Topic,
} from './caselaw';
import type { MdBlock, MdInline } from './markdown';
import { articleRefSchema } from './references';

// Schemas of what the API answers, for its OpenAPI document and for clients that check answers.

const language = z.enum(LANGUAGES);
const kind = z.enum(CASELAW_KINDS);
const localized = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    en: item.optional(),
    fr: item.optional(),
    ar: item.optional(),
    es: item.optional(),
  });

export const topicSchema = schemaOf<Topic>()(
  z.strictObject({ key: z.string(), labels: topicLabelsSchema }),
);

export const personSchema = z.strictObject({ id: z.uuid(), displayName: z.string() });

export const mdInlineSchema: z.ZodType<MdInline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text'), text: z.string() }),
    z.strictObject({ type: z.literal('strong'), children: z.array(mdInlineSchema) }),
    z.strictObject({ type: z.literal('emphasis'), children: z.array(mdInlineSchema) }),
    z.strictObject({ type: z.literal('code'), text: z.string() }),
    z.strictObject({
      type: z.literal('link'),
      href: z.string().nullable(),
      children: z.array(mdInlineSchema),
    }),
    z.strictObject({ type: z.literal('break') }),
  ]),
);

export const mdBlockSchema: z.ZodType<MdBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('paragraph'), children: z.array(mdInlineSchema) }),
    z.strictObject({
      type: z.literal('heading'),
      depth: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      children: z.array(mdInlineSchema),
    }),
    z.strictObject({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int(),
      items: z.array(z.array(mdInlineSchema)),
    }),
    z.strictObject({ type: z.literal('quote'), children: z.array(mdBlockSchema) }),
  ]),
);

const richText = z.strictObject({ markdown: z.string(), blocks: z.array(mdBlockSchema) });

export const articleViewSchema = z.strictObject({
  ...articleRefSchema.shape,
  key: z.string(),
  display: z.string(),
});

const viewBase = {
  id: z.uuid(),
  title: localized(z.string()),
  publishedAt: z.string(),
  articles: z.array(articleViewSchema),
  topics: z.array(topicSchema),
  quotes: z.array(quoteSchema),
  links: z.array(linkSchema),
  related: z.array(
    z.strictObject({
      id: z.uuid(),
      kind,
      title: localized(z.string()),
      documentNumbers: z.array(z.string()),
    }),
  ),
  languages: z.array(language),
  marking: z.literal('PUBLIC'),
};

export const caselawViewSchema = schemaOf<CaselawView>()(
  z.discriminatedUnion('kind', [
    z.strictObject({
      ...viewBase,
      kind: z.literal('entry'),
      documentNumbers: z.array(z.string()),
      chamber: z.enum(CHAMBERS),
      date: z.string(),
      situation: z.string().nullable(),
      caseName: z.string().nullable(),
      documentType: z.enum(DOCUMENT_TYPES),
      summary: localized(richText),
      holdings: localized(richText),
      source: sourceSchema,
    }),
    z.strictObject({
      ...viewBase,
      kind: z.literal('explainer'),
      body: localized(richText),
      source: sourceSchema.nullable(),
    }),
  ]),
);

const facetValue = z.strictObject({
  value: z.string(),
  count: z.number().int(),
  label: localizedNamesSchema,
});

export const searchResponseSchema = schemaOf<SearchResponse>()(
  z.strictObject({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    sort: z.enum(SEARCH_SORTS),
    understood: z.strictObject({
      documentNumbers: z.array(z.string()),
      articles: z.array(articleViewSchema),
      topics: z.array(topicSchema),
    }),
    results: z.array(
      z.strictObject({
        id: z.uuid(),
        kind,
        title: localized(z.string()),
        documentNumbers: z.array(z.string()),
        chamber: z.enum(CHAMBERS).nullable(),
        date: z.string().nullable(),
        situation: z.string().nullable(),
        caseName: z.string().nullable(),
        documentType: z.enum(DOCUMENT_TYPES).nullable(),
        articles: z.array(articleViewSchema),
        topics: z.array(z.string()),
        languages: z.array(language),
        score: z.number().nullable(),
        matchedBy: z.array(z.enum(['text', 'document-number', 'topic', 'article'])),
        snippet: z
          .strictObject({
            lang: language,
            field: z.enum(['summary', 'holdings', 'body']),
            segments: z.array(z.strictObject({ text: z.string(), hit: z.boolean() })),
            truncatedStart: z.boolean(),
            truncatedEnd: z.boolean(),
          })
          .nullable(),
      }),
    ),
    facets: z.strictObject(
      Object.fromEntries(FACETS.map((f) => [f, z.array(facetValue)])) as Record<
        (typeof FACETS)[number],
        z.ZodArray<typeof facetValue>
      >,
    ),
  }),
);

const editorEntrySummary = {
  id: z.uuid(),
  kind,
  status: z.enum(CASELAW_STATUSES),
  revision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  title: localized(z.string()),
  documentNumbers: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: personSchema.nullable(),
};

export const editorEntryListSchema = schemaOf<EditorEntryList>()(
  z.strictObject({
    total: z.number().int(),
    entries: z.array(z.strictObject(editorEntrySummary)),
  }),
);

export const editorEntrySchema = schemaOf<EditorEntry>()(
  z.strictObject({
    ...editorEntrySummary,
    content: caselawContentSchema,
    createdAt: z.string(),
    createdBy: personSchema.nullable(),
    submittedAt: z.string().nullable(),
    submittedBy: personSchema.nullable(),
    publishedAt: z.string().nullable(),
    publishedBy: personSchema.nullable(),
    review: z.strictObject({ secondReview: z.boolean(), authors: z.array(personSchema) }),
  }),
);

const revisionSummary = {
  number: z.number().int(),
  author: personSchema.nullable(),
  createdAt: z.string(),
  origin: z.enum(REVISION_ORIGINS),
  note: z.string().nullable(),
  published: z.boolean(),
  publications: z.array(
    z.strictObject({
      publishedBy: personSchema,
      publishedAt: z.string(),
      authors: z.array(personSchema),
      secondReview: z.boolean(),
    }),
  ),
};

export const revisionSummarySchema = schemaOf<RevisionSummary>()(z.strictObject(revisionSummary));

export const revisionSchema = schemaOf<Revision>()(
  z.strictObject({ ...revisionSummary, content: caselawContentSchema }),
);

const before = z.string().nullable();
export const revisionDiffSchema = schemaOf<RevisionDiff>()(
  z.strictObject({
    entryId: z.uuid(),
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(
      z.discriminatedUnion('kind', [
        z.strictObject({ field: z.string(), kind: z.literal('value'), before, after: before }),
        z.strictObject({
          field: z.string(),
          kind: z.literal('list'),
          added: z.array(z.string()),
          removed: z.array(z.string()),
        }),
        z.strictObject({
          field: z.string(),
          kind: z.literal('text'),
          before,
          after: before,
          lines: z.array(
            z.strictObject({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }),
          ),
        }),
      ]),
    ),
  }),
);

export const caselawExportSchema = schemaOf<CaselawExport>()(
  z.strictObject({
    format: z.literal(CASELAW_FILE_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    topics: z.array(topicSchema),
    entries: z.array(
      z.strictObject({
        id: z.uuid(),
        kind,
        status: z.enum(CASELAW_STATUSES),
        revision: z.number().int(),
        publishedRevision: z.number().int().nullable(),
        updatedAt: z.string(),
        content: caselawContentSchema,
      }),
    ),
  }),
);

export const importReportSchema = schemaOf<ImportReport>()(
  z.strictObject({
    created: z.array(z.string()),
    updated: z.array(z.string()),
    unchanged: z.array(z.string()),
    topicsCreated: z.array(z.string()),
    topicsUpdated: z.array(z.string()),
  }),
);

/** One problem of a refused import, as each item of the 422's `errors` carries it. */
export const importProblemSchema = schemaOf<ImportProblem>()(
  z.object({
    section: z.enum(['topics', 'entries']),
    index: z.number().int(),
    id: z.string().nullable(),
    field: z.string(),
    message: z.string(),
  }),
);
