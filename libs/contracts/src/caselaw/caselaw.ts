import { z } from 'zod';
import {
  boundedText,
  LANGUAGES,
  nameText,
  type Language,
  type LocalizedNames,
} from '../states/states';
import { wholeNumberParam } from '../platform/params';
import { contractIssue } from '../platform/problem';
import { unsafeLinkTargets, type MdBlock } from './markdown';
import {
  articleKey,
  articleRefSchema,
  documentNumberSchema,
  parseArticle,
  type ArticleRef,
} from './references';

export const CASELAW_KINDS = ['entry', 'explainer'] as const;
export type CaselawKind = (typeof CASELAW_KINDS)[number];

export const CHAMBERS = [
  'appeals',
  'pre-trial-i',
  'pre-trial-ii',
  'pre-trial-iii',
  'trial',
  'presidency',
  'plenary',
] as const;
export type Chamber = (typeof CHAMBERS)[number];

export const DOCUMENT_TYPES = ['decision', 'judgment', 'order', 'finding', 'warrant'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** draft → in_review → published; editing a published entry starts a new draft beside it. */
export const CASELAW_STATUSES = ['draft', 'in_review', 'published'] as const;
export type CaselawStatus = (typeof CASELAW_STATUSES)[number];

export const CHAMBER_LABELS: Record<Chamber, LocalizedNames> = {
  appeals: {
    en: 'Appeals Chamber',
    fr: 'Chambre d’appel',
    ar: 'دائرة الاستئناف',
    es: 'Sala de Apelaciones',
  },
  'pre-trial-i': {
    en: 'Pre-Trial Chamber I',
    fr: 'Chambre préliminaire I',
    ar: 'الدائرة التمهيدية الأولى',
    es: 'Sala de Cuestiones Preliminares I',
  },
  'pre-trial-ii': {
    en: 'Pre-Trial Chamber II',
    fr: 'Chambre préliminaire II',
    ar: 'الدائرة التمهيدية الثانية',
    es: 'Sala de Cuestiones Preliminares II',
  },
  'pre-trial-iii': {
    en: 'Pre-Trial Chamber III',
    fr: 'Chambre préliminaire III',
    ar: 'الدائرة التمهيدية الثالثة',
    es: 'Sala de Cuestiones Preliminares III',
  },
  trial: {
    en: 'Trial Chamber',
    fr: 'Chambre de première instance',
    ar: 'الدائرة الابتدائية',
    es: 'Sala de Primera Instancia',
  },
  presidency: { en: 'Presidency', fr: 'Présidence', ar: 'هيئة الرئاسة', es: 'Presidencia' },
  plenary: {
    en: 'Plenary of Judges',
    fr: 'Assemblée plénière des juges',
    ar: 'الجلسة العامة للقضاة',
    es: 'Sesión plenaria de los magistrados',
  },
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, LocalizedNames> = {
  decision: { en: 'Decision', fr: 'Décision', ar: 'قرار', es: 'Decisión' },
  judgment: { en: 'Judgment', fr: 'Jugement', ar: 'حكم', es: 'Sentencia' },
  order: { en: 'Order', fr: 'Ordonnance', ar: 'أمر', es: 'Orden' },
  finding: { en: 'Finding', fr: 'Constatation', ar: 'استنتاج', es: 'Constatación' },
  warrant: {
    en: 'Warrant of arrest',
    fr: 'Mandat d’arrêt',
    ar: 'أمر قبض',
    es: 'Orden de detención',
  },
};

export const KIND_LABELS: Record<CaselawKind, LocalizedNames> = {
  entry: { en: 'Case law', fr: 'Jurisprudence', ar: 'سوابق قضائية', es: 'Jurisprudencia' },
  explainer: { en: 'Explainer', fr: 'Note explicative', ar: 'شرح', es: 'Nota explicativa' },
};

/**
 * Text of several lines (Markdown, quotations). Like `boundedText`, it refuses control
 * characters other than line breaks and tabs, and lone surrogates.
 */
const multiline = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .trim()
        .min(1)
        .max(max)
        .refine(
          (s) => !/[^\P{Cc}\n\t]/u.test(s),
          contractIssue('control-characters', 'must not contain control characters'),
        )
        .refine(
          (s) => !/\p{Cs}/u.test(s),
          contractIssue('malformed-text', 'must be well-formed Unicode text'),
        ),
    );

/** Markdown of the subset (see markdown.ts); a link must point to an https URL. */
export const markdownSchema = (max = 20_000) =>
  multiline(max).superRefine((s, ctx) => {
    for (const target of unsafeLinkTargets(s).slice(0, 3)) {
      ctx.addIssue({
        code: 'custom',
        ...contractIssue(
          'https-url',
          `link target must be an https:// URL, not ${JSON.stringify(target.slice(0, 60))}`,
        ),
      });
    }
  });

export const httpsUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === 'https:' && !!url.hostname && /^https:\/\//i.test(s);
      } catch {
        return false;
      }
    },
    contractIssue('https-url', 'must be an https:// URL'),
  );

/** Per language; `atLeastOne` for the texts an entry cannot do without. */
const localized = <T extends z.ZodType>(item: T, atLeastOne: boolean) =>
  z
    .strictObject({
      en: item.optional(),
      fr: item.optional(),
      ar: item.optional(),
      es: item.optional(),
    })
    .refine(
      (v) => !atLeastOne || LANGUAGES.some((l) => v[l] !== undefined),
      contractIssue('needs-a-language', 'needs at least one language'),
    );

export type Localized<T> = Partial<Record<Language, T>>;

const unique =
  <T>(key: (item: T) => string) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;
const notRepeated = contractIssue('repeated', 'must not repeat');
const uniqueList = <T extends z.ZodType>(item: T, max: number, key: (v: z.infer<T>) => string) =>
  z.array(item).max(max).refine(unique(key), notRepeated);

export const topicKeySchema = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const quoteSchema = z.strictObject({
  /** The paragraph as the document numbers it: `23`, `12(a)`. */
  paragraph: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\p{L}\p{N}().,\- ]+$/u, 'must be a paragraph number such as 23 or 12(a)'),
  lang: z.enum(LANGUAGES),
  text: multiline(4000),
  /** Where the quotation comes from when it is not the entry's own document; null otherwise. */
  source: boundedText(300).nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const linkSchema = z.strictObject({
  url: httpsUrlSchema,
  label: boundedText(200),
  /** The language of the linked document, when it has one. */
  lang: z.enum(LANGUAGES).nullable(),
});
export type SourceLink = z.infer<typeof linkSchema>;

/** What the summary was written from: a document and the part of it. */
export const sourceSchema = z.strictObject({
  title: boundedText(500),
  locator: boundedText(200).nullable(),
  url: httpsUrlSchema.nullable(),
});
export type ContentSource = z.infer<typeof sourceSchema>;

/** Ids compare lower-case, as PostgreSQL prints them. */
const uuid = z.uuid().transform((id) => id.toLowerCase());

const shared = {
  title: localized(boundedText(300), true),
  articles: uniqueList(articleRefSchema, 50, articleKey),
  topics: uniqueList(topicKeySchema, 30, (t) => t),
  quotes: z.array(quoteSchema).max(50),
  links: z.array(linkSchema).max(20),
  related: uniqueList(uuid, 50, (id) => id),
};

export const entryContentSchema = z.strictObject({
  kind: z.literal('entry'),
  ...shared,
  documentNumbers: z
    .array(documentNumberSchema)
    .min(1)
    .max(20)
    .refine(
      unique((n: string) => n.toUpperCase()),
      notRepeated,
    ),
  chamber: z.enum(CHAMBERS),
  date: z.iso.date(),
  situation: boundedText(200).nullable(),
  caseName: boundedText(200).nullable(),
  documentType: z.enum(DOCUMENT_TYPES),
  summary: localized(markdownSchema(), true),
  holdings: localized(markdownSchema(), false),
  source: sourceSchema,
});
export type EntryContent = z.infer<typeof entryContentSchema>;

export const explainerContentSchema = z.strictObject({
  kind: z.literal('explainer'),
  ...shared,
  body: localized(markdownSchema(40_000), true),
  source: sourceSchema.nullable(),
});
export type ExplainerContent = z.infer<typeof explainerContentSchema>;

export const caselawContentSchema = z.discriminatedUnion('kind', [
  entryContentSchema,
  explainerContentSchema,
]);
export type CaselawContent = z.infer<typeof caselawContentSchema>;

const note = boundedText(500);
/** Revisions of one entry are numbered from 1; a million is far beyond any editorial history. */
export const MAX_REVISION = 1_000_000;
const revisionNumber = z.number().int().min(1).max(MAX_REVISION);

/** The id is made by the client, so a retried request never creates a second entry. */
export const createEntrySchema = z.strictObject({
  id: uuid,
  content: caselawContentSchema,
  note: note.optional(),
});
export type CreateEntry = z.infer<typeof createEntrySchema>;

/** A new revision of the working copy, made from `baseRevision` (a stale base is refused). */
export const updateEntrySchema = z.strictObject({
  baseRevision: revisionNumber,
  content: caselawContentSchema,
  note: note.optional(),
});
export type UpdateEntry = z.infer<typeof updateEntrySchema>;

/** Submit and publish name the revision the editor saw, so nobody publishes unseen changes. */
export const revisionActionSchema = z.strictObject({ revision: revisionNumber });
export type RevisionAction = z.infer<typeof revisionActionSchema>;

export const unpublishSchema = z.strictObject({ reason: note });
export type Unpublish = z.infer<typeof unpublishSchema>;

export const topicLabelsSchema = z.strictObject({
  en: nameText(120),
  fr: nameText(120),
  ar: nameText(120),
  es: nameText(120),
});

export const createTopicSchema = z.strictObject({ key: topicKeySchema, labels: topicLabelsSchema });
export type CreateTopic = z.infer<typeof createTopicSchema>;

export const updateTopicSchema = z.strictObject({ labels: topicLabelsSchema });
export type UpdateTopic = z.infer<typeof updateTopicSchema>;

export interface Topic {
  key: string;
  labels: LocalizedNames;
}

/** One value or a repeated query parameter (`?topic=a&topic=b`), always as a list. */
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).max(20)])
    .transform((v): z.infer<T>[] => (Array.isArray(v) ? v : [v]));

const intParam = (min: number, max: number, fallback: number) =>
  wholeNumberParam(min, max)
    .optional()
    .transform((v) => v ?? fallback);

export const SEARCH_SORTS = ['relevance', 'date'] as const;

export const searchQuerySchema = z.strictObject({
  /** Web-style syntax: words, "a phrase", -excluded, or; document numbers and articles too. */
  q: z.string().trim().max(300).optional(),
  /** The reader's language: snippets prefer it when several languages match. */
  lang: z.enum(LANGUAGES).optional(),
  kind: many(z.enum(CASELAW_KINDS)).optional(),
  chamber: many(z.enum(CHAMBERS)).optional(),
  year: many(
    z
      .string()
      .regex(/^(?:19|20|21)\d{2}$/, 'must be a year')
      .transform(Number),
  ).optional(),
  /** `87(7)`, `statute:87(7)`, `rules:97`: finds the provision and those under it. */
  article: many(
    z
      .string()
      .max(40)
      .refine(
        (a) => parseArticle(a) !== null,
        contractIssue('provision', 'must be a provision such as 87(7) or rules:97'),
      ),
  ).optional(),
  topic: many(topicKeySchema).optional(),
  situation: many(boundedText(200)).optional(),
  documentType: many(z.enum(DOCUMENT_TYPES)).optional(),
  sort: z.enum(SEARCH_SORTS).optional(),
  limit: intParam(1, 50, 20),
  offset: intParam(0, 10_000, 0),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export const editorListQuerySchema = z.strictObject({
  status: many(z.enum(CASELAW_STATUSES)).optional(),
  kind: z.enum(CASELAW_KINDS).optional(),
  /** Words of the title or a document number. */
  q: z.string().trim().max(200).optional(),
  limit: intParam(1, 200, 50),
  offset: intParam(0, 1_000_000, 0),
});
export type EditorListQuery = z.infer<typeof editorListQuerySchema>;

export const diffQuerySchema = z.strictObject({
  from: intParam(1, MAX_REVISION, 1),
  to: intParam(1, MAX_REVISION, 1),
});

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).optional().default('json'),
});

/** Exported entries carry their workflow state; an import reads only `id` and `content`. */
export const importEntrySchema = z.strictObject({
  id: uuid,
  content: caselawContentSchema,
  kind: z.enum(CASELAW_KINDS).optional(),
  status: z.enum(CASELAW_STATUSES).optional(),
  revision: z.number().int().optional(),
  publishedRevision: z.number().int().nullable().optional(),
  updatedAt: z.string().optional(),
});
export type ImportEntry = z.infer<typeof importEntrySchema>;

export const importTopicSchema = z.strictObject({ key: topicKeySchema, labels: topicLabelsSchema });

export const CASELAW_FILE_FORMAT = 'coop-caselaw';

/** The file an export produces and an import reads; rows are checked one by one. */
export const importFileSchema = z.strictObject({
  format: z.literal(CASELAW_FILE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40).optional(),
  topics: z.array(z.unknown()).max(500).optional().default([]),
  entries: z.array(z.unknown()).max(1000),
});
export type ImportFile = z.infer<typeof importFileSchema>;

// ---- Responses -------------------------------------------------------------------------

export interface Person {
  id: string;
  displayName: string;
}

/** A Markdown text and its parsed tree (render the tree; never inject the source as HTML). */
export interface RichText {
  markdown: string;
  blocks: MdBlock[];
}

export type ArticleView = ArticleRef & { key: string; display: string };

export interface RelatedEntry {
  id: string;
  kind: CaselawKind;
  title: Localized<string>;
  documentNumbers: string[];
}

/** Case law is drawn from public Court and Assembly documents. */
export type Marking = 'PUBLIC';

interface ViewBase {
  id: string;
  title: Localized<string>;
  publishedAt: string;
  articles: ArticleView[];
  topics: Topic[];
  quotes: Quote[];
  links: SourceLink[];
  related: RelatedEntry[];
  /** Languages with a summary (entries) or a body (explainers). */
  languages: Language[];
  marking: Marking;
}

export interface EntryView extends ViewBase {
  kind: 'entry';
  documentNumbers: string[];
  chamber: Chamber;
  date: string;
  situation: string | null;
  caseName: string | null;
  documentType: DocumentType;
  summary: Localized<RichText>;
  holdings: Localized<RichText>;
  source: ContentSource;
}

export interface ExplainerView extends ViewBase {
  kind: 'explainer';
  body: Localized<RichText>;
  source: ContentSource | null;
}

/** What every reader sees: the published text only. */
export type CaselawView = EntryView | ExplainerView;

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/** An excerpt as plain text, cut into segments; `hit` segments matched the query. */
export interface Snippet {
  lang: Language;
  field: 'summary' | 'holdings' | 'body';
  segments: SnippetSegment[];
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

export type MatchReason = 'text' | 'document-number' | 'topic' | 'article';

export interface SearchResult {
  id: string;
  kind: CaselawKind;
  title: Localized<string>;
  documentNumbers: string[];
  chamber: Chamber | null;
  date: string | null;
  situation: string | null;
  caseName: string | null;
  documentType: DocumentType | null;
  articles: ArticleView[];
  topics: string[];
  languages: Language[];
  /** Relevance, comparable only within one response; null when nothing was searched for. */
  score: number | null;
  matchedBy: MatchReason[];
  snippet: Snippet | null;
}

export interface FacetValue {
  value: string;
  count: number;
  label: LocalizedNames;
}

export const FACETS = [
  'kind',
  'chamber',
  'year',
  'article',
  'topic',
  'situation',
  'documentType',
] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchResponse {
  total: number;
  limit: number;
  offset: number;
  sort: (typeof SEARCH_SORTS)[number];
  /** How the query was read: document numbers, provisions and topics it names. */
  understood: {
    documentNumbers: string[];
    articles: ArticleView[];
    topics: Topic[];
  };
  results: SearchResult[];
  /** Counts over every result of the query and filters, not only this page. */
  facets: Record<FacetName, FacetValue[]>;
}

export interface EditorEntrySummary {
  id: string;
  kind: CaselawKind;
  status: CaselawStatus;
  /** The working copy's revision. */
  revision: number;
  /** The revision readers see, or null when nothing is published. */
  publishedRevision: number | null;
  title: Localized<string>;
  documentNumbers: string[];
  updatedAt: string;
  updatedBy: Person | null;
}

/** Who may publish the working revision once it is in review. */
export interface EntryReview {
  /** The second-review rule is on: none of `authors` may publish. */
  secondReview: boolean;
  /** The submitter and everyone who changed the text since it was last published. */
  authors: Person[];
}

export interface EditorEntry extends EditorEntrySummary {
  content: CaselawContent;
  createdAt: string;
  /** null: seeded by the system. */
  createdBy: Person | null;
  submittedAt: string | null;
  submittedBy: Person | null;
  publishedAt: string | null;
  publishedBy: Person | null;
  review: EntryReview;
}

export interface EditorEntryList {
  total: number;
  entries: EditorEntrySummary[];
}

export const REVISION_ORIGINS = ['edit', 'import', 'seed'] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

/** One publication of a revision: who reviewed and published it, and whose work it was. */
export interface Publication {
  publishedBy: Person;
  publishedAt: string;
  authors: Person[];
  /** The second-review rule applied: the publisher was none of the authors. */
  secondReview: boolean;
}

export interface RevisionSummary {
  number: number;
  author: Person | null;
  createdAt: string;
  origin: RevisionOrigin;
  note: string | null;
  /** This revision is the one readers see. */
  published: boolean;
  /** Oldest first; empty for a revision never published, or published by the system (seed). */
  publications: Publication[];
}

export interface Revision extends RevisionSummary {
  content: CaselawContent;
}

export interface DiffLine {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One changed field: a value, a list (items added and removed) or a text (a line diff). */
export type FieldChange =
  | { field: string; kind: 'value'; before: string | null; after: string | null }
  | { field: string; kind: 'list'; added: string[]; removed: string[] }
  | { field: string; kind: 'text'; before: string | null; after: string | null; lines: DiffLine[] };

export interface RevisionDiff {
  entryId: string;
  from: number;
  to: number;
  changes: FieldChange[];
}

export interface ExportedEntry {
  id: string;
  kind: CaselawKind;
  status: CaselawStatus;
  revision: number;
  publishedRevision: number | null;
  updatedAt: string;
  content: CaselawContent;
}

export interface CaselawExport {
  format: typeof CASELAW_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  topics: Topic[];
  entries: ExportedEntry[];
}

export interface ImportProblem {
  section: 'topics' | 'entries';
  /** The row's position in its list, from 0. */
  index: number;
  id: string | null;
  field: string;
  message: string;
}

export interface ImportReport {
  created: string[];
  updated: string[];
  unchanged: string[];
  topicsCreated: string[];
  topicsUpdated: string[];
}
