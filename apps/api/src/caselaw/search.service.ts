import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CHAMBER_LABELS,
  DOCUMENT_TYPE_LABELS,
  formatArticle,
  KIND_LABELS,
  LANGUAGES,
  parseArticle,
  type CaselawContent,
  type CaselawView,
  type FacetValue,
  type LocalizedNames,
  type MatchReason,
  type SearchQuery,
  type SearchResponse,
  type SearchResult,
  type Snippet,
} from '@coop/contracts';
import { CaselawPublishedEntity } from './caselaw-published.entity';
import { notPublished } from './caselaw.errors';
import { planSearch, searchStatement, type PageRow, type SearchRow } from './search-sql';
import { buildSnippet, markedRanges } from './snippet';
import { CaselawTopicsService } from './topics.service';
import { articleView, languagesOf, relatedOf, toView } from './views';

const same = (text: string): LocalizedNames => ({ en: text, fr: text, ar: text, es: text });

const articleLabel = (key: string): LocalizedNames => {
  const ref = parseArticle(key);
  if (!ref) return same(key);
  return Object.fromEntries(LANGUAGES.map((l) => [l, formatArticle(ref, l)])) as LocalizedNames;
};

const facetValues = (
  rows: [string, number][],
  label: (value: string) => LocalizedNames,
): FacetValue[] => rows.map(([value, count]) => ({ value, count, label: label(value) }));

function snippetOf(row: PageRow, content: CaselawContent): Snippet | null {
  if (!row.lang) return null;
  const field = content.kind === 'entry' ? 'summary' : 'body';
  const candidates: [Snippet['field'], string | null, string | null][] = [
    [field, row.text_plain, row.text_marked],
    ['holdings', row.holdings_plain, row.holdings_marked],
  ];
  for (const [name, plain, marked] of candidates) {
    if (!plain || !marked) continue;
    const ranges = markedRanges(plain, marked);
    if (ranges.length > 0) return buildSnippet(row.lang, name, plain, ranges);
  }
  return row.text_plain ? buildSnippet(row.lang, field, row.text_plain, []) : null;
}

function resultOf(row: PageRow, searching: boolean): SearchResult {
  const content = row.content as CaselawContent;
  const entry = content.kind === 'entry' ? content : null;
  const matchedBy: MatchReason[] = [];
  if (searching) {
    if (row.by_number || row.by_mention) matchedBy.push('document-number');
    if (row.by_text) matchedBy.push('text');
    if (row.by_topic) matchedBy.push('topic');
    if (row.by_article) matchedBy.push('article');
  }
  return {
    id: row.id,
    kind: content.kind,
    title: content.title,
    documentNumbers: entry?.documentNumbers ?? [],
    chamber: entry?.chamber ?? null,
    date: entry?.date ?? null,
    situation: entry?.situation ?? null,
    caseName: entry?.caseName ?? null,
    documentType: entry?.documentType ?? null,
    articles: content.articles.map(articleView),
    topics: content.topics,
    languages: languagesOf(content),
    score: row.score === null ? null : Math.round(row.score * 10_000) / 10_000,
    matchedBy,
    snippet: snippetOf(row, content),
  };
}

/** The readers' side: published texts only, searched, faceted and shown. */
@Injectable()
export class CaselawSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly topics: CaselawTopicsService,
  ) {}

  async search(query: SearchQuery): Promise<SearchResponse> {
    const plan = planSearch(query);
    const { text, values } = searchStatement(plan);
    const [row] = (await this.dataSource.query(text, values)) as SearchRow[];
    return {
      total: row.total,
      limit: plan.limit,
      offset: plan.offset,
      sort: plan.sort,
      understood: {
        documentNumbers: plan.documentNumbers,
        articles: plan.articles.map(articleView),
        topics: row.understood_topics,
      },
      results: row.page.map((r) => resultOf(r, plan.searching)),
      facets: {
        kind: facetValues(row.kind, (v) => KIND_LABELS[v as keyof typeof KIND_LABELS] ?? same(v)),
        chamber: facetValues(
          row.chamber,
          (v) => CHAMBER_LABELS[v as keyof typeof CHAMBER_LABELS] ?? same(v),
        ),
        year: facetValues(row.year, same),
        article: facetValues(row.article, articleLabel),
        topic: row.topic.map(([value, count, labels]) => ({
          value,
          count,
          label: labels ?? same(value),
        })),
        situation: facetValues(row.situation, same),
        documentType: facetValues(
          row.document_type,
          (v) => DOCUMENT_TYPE_LABELS[v as keyof typeof DOCUMENT_TYPE_LABELS] ?? same(v),
        ),
      },
    };
  }

  async view(id: string): Promise<CaselawView> {
    const published = await this.dataSource.manager.findOne(CaselawPublishedEntity, {
      where: { entryId: id },
      select: { entryId: true, content: true, publishedAt: true },
    });
    if (!published) throw notPublished(id);
    const related = published.content.related.length
      ? await this.dataSource.manager.find(CaselawPublishedEntity, {
          where: { entryId: In(published.content.related) },
          select: { entryId: true, content: true },
        })
      : [];
    return toView(
      id,
      published.content,
      published.publishedAt,
      await this.topics.byKey(),
      new Map(related.map((r) => [r.entryId, relatedOf(r.entryId, r.content)])),
    );
  }
}
