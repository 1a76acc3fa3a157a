import {
  articleKey,
  formatArticle,
  LANGUAGES,
  parseMarkdown,
  type ArticleRef,
  type ArticleView,
  type CaselawContent,
  type CaselawView,
  type Language,
  type Localized,
  type RelatedEntry,
  type RichText,
  type Topic,
} from '@coop/contracts';

export const articleView = (ref: ArticleRef): ArticleView => ({
  ...ref,
  key: articleKey(ref),
  display: formatArticle(ref),
});

const rich = (texts: Localized<string>): Localized<RichText> =>
  Object.fromEntries(
    LANGUAGES.filter((l) => texts[l] !== undefined).map((l) => {
      const markdown = texts[l] as string;
      return [l, { markdown, blocks: parseMarkdown(markdown) }];
    }),
  );

export const languagesOf = (content: CaselawContent): Language[] => {
  const texts = content.kind === 'entry' ? content.summary : content.body;
  return LANGUAGES.filter((l) => texts[l] !== undefined);
};

/**
 * The reader's view of a published text. Topics and related entries come resolved; a related
 * entry that is not published is left out, so drafts never show through.
 */
export function toView(
  id: string,
  content: CaselawContent,
  publishedAt: Date,
  topics: Map<string, Topic>,
  related: Map<string, RelatedEntry>,
): CaselawView {
  const base = {
    id,
    title: content.title,
    publishedAt: publishedAt.toISOString(),
    articles: content.articles.map(articleView),
    topics: content.topics.flatMap((key) => topics.get(key) ?? []),
    quotes: content.quotes,
    links: content.links,
    related: content.related.flatMap((r) => related.get(r) ?? []),
    languages: languagesOf(content),
    marking: 'PUBLIC' as const,
  };
  if (content.kind === 'entry') {
    return {
      ...base,
      kind: 'entry',
      documentNumbers: content.documentNumbers,
      chamber: content.chamber,
      date: content.date,
      situation: content.situation,
      caseName: content.caseName,
      documentType: content.documentType,
      summary: rich(content.summary),
      holdings: rich(content.holdings),
      source: content.source,
    };
  }
  return { ...base, kind: 'explainer', body: rich(content.body), source: content.source };
}

export const relatedOf = (id: string, content: CaselawContent): RelatedEntry => ({
  id,
  kind: content.kind,
  title: content.title,
  documentNumbers: content.kind === 'entry' ? content.documentNumbers : [],
});
