import {
  articleKey,
  CHAMBERS,
  DOCUMENT_TYPES,
  caselawContentSchema,
  fieldIssues,
  formatArticle,
  LANGUAGES,
  parseMarkdown,
  type ArticleRef,
  type CaselawContent,
  type CaselawKind,
  type CaselawView,
  type FieldIssue,
  type Chamber,
  type DocumentType,
  type Instrument,
  type Language,
  type Localized,
  type RelatedEntry,
  type RichText,
  type Topic,
} from '@coop/contracts';
import type { UnsetFact } from '../entry/CaselawBody';

export type PerLanguage = Record<Language, string>;

export interface ArticleRow {
  key: string;
  instrument: Instrument;
  article: string;
  paragraph: string;
  subparagraph: string;
  point: string;
}

export interface QuoteRow {
  key: string;
  paragraph: string;
  lang: Language;
  text: string;
  source: string;
}

export interface LinkRow {
  key: string;
  url: string;
  label: string;
  lang: Language | 'none';
}

/** Everything the form edits, as the fields hold it (strings, rows with local keys). */
export interface EntryForm {
  kind: CaselawKind;
  title: PerLanguage;
  summary: PerLanguage;
  holdings: PerLanguage;
  body: PerLanguage;
  documentNumbers: { key: string; value: string }[];
  chamber: Chamber | null;
  date: string;
  situation: string;
  caseName: string;
  documentType: DocumentType | null;
  articles: ArticleRow[];
  topics: string[];
  quotes: QuoteRow[];
  links: LinkRow[];
  related: string[];
  sourceTitle: string;
  sourceLocator: string;
  sourceUrl: string;
}

let counter = 0;
/** A key for a row of the form, so React keeps each row's fields when rows move. */
export const rowKey = () => `row-${++counter}`;

const emptyTexts = (): PerLanguage => ({ en: '', fr: '', ar: '', es: '' });
const textsOf = (values: Localized<string> | undefined): PerLanguage => ({
  en: values?.en ?? '',
  fr: values?.fr ?? '',
  ar: values?.ar ?? '',
  es: values?.es ?? '',
});

export function emptyForm(kind: CaselawKind): EntryForm {
  return {
    kind,
    title: emptyTexts(),
    summary: emptyTexts(),
    holdings: emptyTexts(),
    body: emptyTexts(),
    documentNumbers: kind === 'entry' ? [{ key: rowKey(), value: '' }] : [],
    chamber: null,
    date: '',
    situation: '',
    caseName: '',
    documentType: null,
    articles: [],
    topics: [],
    quotes: [],
    links: [],
    related: [],
    sourceTitle: '',
    sourceLocator: '',
    sourceUrl: '',
  };
}

export function formOf(content: CaselawContent): EntryForm {
  const entry = content.kind === 'entry' ? content : null;
  return {
    kind: content.kind,
    title: textsOf(content.title),
    summary: textsOf(entry?.summary),
    holdings: textsOf(entry?.holdings),
    body: textsOf(content.kind === 'explainer' ? content.body : undefined),
    documentNumbers: (entry?.documentNumbers ?? []).map((value) => ({ key: rowKey(), value })),
    chamber: entry?.chamber ?? null,
    date: entry?.date ?? '',
    situation: entry?.situation ?? '',
    caseName: entry?.caseName ?? '',
    documentType: entry?.documentType ?? null,
    articles: content.articles.map((a) => ({
      key: rowKey(),
      instrument: a.instrument,
      article: a.article,
      paragraph: a.paragraph ?? '',
      subparagraph: a.subparagraph ?? '',
      point: a.point ?? '',
    })),
    topics: [...content.topics],
    quotes: content.quotes.map((q) => ({
      key: rowKey(),
      paragraph: q.paragraph,
      lang: q.lang,
      text: q.text,
      source: q.source ?? '',
    })),
    links: content.links.map((l) => ({
      key: rowKey(),
      url: l.url,
      label: l.label,
      lang: l.lang ?? 'none',
    })),
    related: [...content.related],
    sourceTitle: content.source?.title ?? '',
    sourceLocator: content.source?.locator ?? '',
    sourceUrl: content.source?.url ?? '',
  };
}

/** Only the languages that have a text. */
function filled(texts: PerLanguage): Localized<string> {
  return Object.fromEntries(
    LANGUAGES.filter((l) => texts[l].trim() !== '').map((l) => [l, texts[l]]),
  );
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

function articleOf(row: ArticleRow): ArticleRef {
  const ref: ArticleRef = { instrument: row.instrument, article: row.article.trim() };
  const paragraph = orUndefined(row.paragraph);
  const subparagraph = orUndefined(row.subparagraph);
  const point = orUndefined(row.point);
  if (paragraph !== undefined) ref.paragraph = paragraph;
  if (subparagraph !== undefined) ref.subparagraph = subparagraph;
  if (point !== undefined) ref.point = point;
  return ref;
}

/** The content the API would receive, before validation. */
export function draftContent(form: EntryForm): unknown {
  const shared = {
    title: filled(form.title),
    articles: form.articles.map(articleOf),
    topics: form.topics,
    quotes: form.quotes.map((q) => ({
      paragraph: q.paragraph.trim(),
      lang: q.lang,
      text: q.text,
      source: orNull(q.source),
    })),
    links: form.links.map((l) => ({
      url: l.url.trim(),
      label: l.label.trim(),
      lang: l.lang === 'none' ? null : l.lang,
    })),
    related: form.related,
  };
  const source = {
    title: form.sourceTitle.trim(),
    locator: orNull(form.sourceLocator),
    url: orNull(form.sourceUrl),
  };
  if (form.kind === 'explainer') {
    const noSource = !source.title && !source.locator && !source.url;
    return {
      kind: 'explainer',
      ...shared,
      body: filled(form.body),
      source: noSource ? null : source,
    };
  }
  return {
    kind: 'entry',
    ...shared,
    documentNumbers: form.documentNumbers.map((n) => n.value.trim()).filter(Boolean),
    chamber: form.chamber,
    date: form.date,
    situation: orNull(form.situation),
    caseName: orNull(form.caseName),
    documentType: form.documentType,
    summary: filled(form.summary),
    holdings: filled(form.holdings),
    source,
  };
}

export type ValidationResult =
  { ok: true; content: CaselawContent } | { ok: false; issues: FieldIssue[] };

/** Checks the form with the contracts' own schema; issues name the form's field paths. */
export function validate(form: EntryForm): ValidationResult {
  const parsed = caselawContentSchema.safeParse(draftContent(form));
  if (parsed.success) return { ok: true, content: parsed.data };
  return {
    ok: false,
    issues: fieldIssues(parsed.error).map((issue) => ({
      ...issue,
      field: issue.field || 'content',
    })),
  };
}

/** The API's 422 field paths (`content.title.en`) as the form's (`title.en`). */
export function formPath(field: string): string {
  return field.replace(/^content\./, '') || 'content';
}

const rich = (texts: PerLanguage): Localized<RichText> =>
  Object.fromEntries(
    LANGUAGES.filter((l) => texts[l].trim() !== '').map((l) => [
      l,
      { markdown: texts[l], blocks: parseMarkdown(texts[l]) },
    ]),
  );

/**
 * What readers would see of the form as it stands, built the way the API builds its views:
 * the same Markdown parser, topics and related entries resolved, incomplete fields left blank.
 */
export function previewOf(
  form: EntryForm,
  topics: Topic[],
  entries: RelatedEntry[],
  id: string,
): { view: CaselawView; unset: Set<UnsetFact> } {
  const unset = new Set<UnsetFact>();
  if (form.kind === 'entry') {
    if (!form.chamber) unset.add('chamber');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) unset.add('date');
    if (!form.documentType) unset.add('documentType');
  }
  const articles = form.articles
    .filter((row) => row.article.trim() !== '')
    .map((row) => {
      const ref = articleOf(row);
      return { ...ref, key: `${articleKey(ref)}#${row.key}`, display: formatArticle(ref) };
    });
  const base = {
    id,
    title: filled(form.title),
    publishedAt: '',
    articles,
    topics: form.topics.flatMap((key) => topics.find((t) => t.key === key) ?? []),
    quotes: form.quotes
      .filter((q) => q.text.trim() !== '')
      .map((q) => ({
        paragraph: q.paragraph,
        lang: q.lang,
        text: q.text,
        source: orNull(q.source),
      })),
    links: form.links
      .filter((l) => l.url.trim() !== '')
      .map((l) => ({
        url: l.url.trim(),
        label: l.label || l.url,
        lang: l.lang === 'none' ? null : l.lang,
      })),
    related: form.related.flatMap((r) => entries.find((e) => e.id === r) ?? []),
    marking: 'PUBLIC' as const,
  };
  const source = form.sourceTitle.trim()
    ? { title: form.sourceTitle, locator: orNull(form.sourceLocator), url: orNull(form.sourceUrl) }
    : null;
  if (form.kind === 'explainer') {
    const body = rich(form.body);
    return {
      view: {
        ...base,
        kind: 'explainer',
        body,
        source,
        languages: LANGUAGES.filter((l) => body[l] !== undefined),
      },
      unset,
    };
  }
  const summary = rich(form.summary);
  return {
    view: {
      ...base,
      kind: 'entry',
      documentNumbers: form.documentNumbers.map((n) => n.value.trim()).filter(Boolean),
      // Placeholders for unset facts, which the preview shows as not set.
      chamber: form.chamber ?? CHAMBERS[0],
      date: form.date,
      situation: orNull(form.situation),
      caseName: orNull(form.caseName),
      documentType: form.documentType ?? DOCUMENT_TYPES[0],
      summary,
      holdings: rich(form.holdings),
      source: source ?? { title: '', locator: null, url: null },
      languages: LANGUAGES.filter((l) => summary[l] !== undefined),
    },
    unset,
  };
}
