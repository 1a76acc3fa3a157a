/**
 * The search as one SQL statement, built from the reader's query. Pure (no Nest, no TypeORM):
 * the service runs it, and the benchmark runs the very same statement straight against the
 * database as its reference.
 */
import {
  articleKey,
  articlesIn,
  documentKey,
  documentNumbersIn,
  parseArticle,
  type ArticleRef,
  type Language,
  type SearchQuery,
} from '@coop/contracts';
import { HEADLINE_OPTIONS } from './snippet';

export interface SearchPlan {
  /** The query's words, without the document numbers; null when there are none. */
  words: string | null;
  /** Document numbers named in the query, as typed. */
  documentNumbers: string[];
  /** The same, upper-case, as stored for look-ups. */
  documentKeys: string[];
  /** Those numbers and any situation or case prefixes, as a tsquery of whole lexemes. */
  documentQuery: string | null;
  /** Provisions named in the query: entries citing them are included too. */
  articles: ArticleRef[];
  searching: boolean;
  filters: {
    kinds: string[] | null;
    chambers: string[] | null;
    years: number[] | null;
    articleKeys: string[] | null;
    topics: string[] | null;
    situations: string[] | null;
    documentTypes: string[] | null;
  };
  sort: 'relevance' | 'date';
  lang: Language | null;
  limit: number;
  offset: number;
}

const orNull = <T>(values: T[] | undefined): T[] | null =>
  values && values.length > 0 ? [...new Set(values)] : null;

export function planSearch(query: SearchQuery): SearchPlan {
  const text = query.q?.trim() ?? '';
  const { numbers, prefixes, rest: words } = documentNumbersIn(text);
  const lexemes = [...numbers, ...prefixes].map((n) => n.toLowerCase());
  // The query schema admits only provisions that parse.
  const filterArticles = (query.article ?? []).flatMap((a) => {
    const ref = parseArticle(a);
    return ref ? [articleKey(ref)] : [];
  });
  return {
    words: words || null,
    documentNumbers: numbers,
    documentKeys: numbers.map(documentKey),
    // Lexemes are checked against the document-number pattern: no quote can reach the tsquery.
    documentQuery: lexemes.length > 0 ? lexemes.map((l) => `'${l}'`).join(' | ') : null,
    articles: articlesIn(text),
    searching: words.length > 0 || lexemes.length > 0,
    filters: {
      kinds: orNull(query.kind),
      chambers: orNull(query.chamber),
      years: orNull(query.year),
      articleKeys: orNull(filterArticles),
      topics: orNull(query.topic),
      situations: orNull(query.situation),
      documentTypes: orNull(query.documentType),
    },
    sort: query.sort ?? (text ? 'relevance' : 'date'),
    lang: query.lang ?? null,
    limit: query.limit,
    offset: query.offset,
  };
}

const CONFIGS: [Language, string, string][] = [
  ['en', 'english', 'tsv_en'],
  ['fr', 'french', 'tsv_fr'],
  ['ar', 'arabic', 'tsv_ar'],
  ['es', 'spanish', 'tsv_es'],
];

/** Each language's parse of the words; constant for the planner, so the GIN indexes apply. */
const tsquery = (config: string) =>
  `websearch_to_tsquery('${config}', caselaw_normalize_ar($1::text))`;

const ORDER = {
  relevance: 'score DESC NULLS LAST, decision_date DESC NULLS LAST, entry_id',
  date: 'decision_date DESC NULLS LAST, score DESC NULLS LAST, entry_id',
};

const facet = (name: string, expression: string, from = 'hits', limit = 50) =>
  `(SELECT coalesce(json_agg(json_build_array(v, n) ORDER BY n DESC, v), '[]'::json)
      FROM (SELECT ${expression} AS v, count(*)::int AS n FROM ${from}
             WHERE ${expression} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}) f) AS ${name}`;

export interface SearchRow {
  total: number;
  page: PageRow[];
  understood_topics: { key: string; labels: Record<Language, string> }[];
  kind: [string, number][];
  chamber: [string, number][];
  year: [string, number][];
  article: [string, number][];
  topic: [string, number, Record<Language, string> | null][];
  situation: [string, number][];
  document_type: [string, number][];
}

export interface PageRow {
  id: string;
  score: number | null;
  by_number: boolean;
  by_mention: boolean;
  by_text: boolean;
  by_topic: boolean;
  by_article: boolean;
  content: unknown;
  lang: Language | null;
  text_plain: string | null;
  text_marked: string | null;
  holdings_plain: string | null;
  holdings_marked: string | null;
}

/** The whole search: page, total, facets and how the query was read, in one round trip. */
export function searchStatement(plan: SearchPlan): { text: string; values: unknown[] } {
  // `article_keys` holds each cited provision and those above it, so this finds 87(7)(a) too.
  const queryArticles = [...new Set(plan.articles.map(articleKey))];
  const values: unknown[] = [
    plan.words,
    plan.documentKeys,
    plan.documentQuery,
    queryArticles,
    plan.filters.kinds,
    plan.filters.chambers,
    plan.filters.years,
    plan.filters.articleKeys,
    plan.filters.topics,
    plan.filters.situations,
    plan.filters.documentTypes,
    plan.lang,
    plan.limit,
    plan.offset,
    HEADLINE_OPTIONS,
  ];
  const matchesText = [
    ...CONFIGS.map(([, config, column]) => `p.${column} @@ ${tsquery(config)}`),
    `p.tsv_simple @@ ${tsquery('simple')}`,
  ].join(' OR ');
  // Ranked only where the vector matches: ts_rank would give partial credit to near misses.
  const ranked = (column: string, config: string) =>
    `CASE WHEN p.${column} @@ ${tsquery(config)} THEN ts_rank_cd(p.${column}, ${tsquery(config)}, 1) ELSE 0 END`;
  const rank = CONFIGS.map(([, config, column]) => ranked(column, config)).join(', ');
  const filters = `($5::text[] IS NULL OR p.kind = ANY($5::text[]))
     AND ($6::text[] IS NULL OR p.chamber = ANY($6::text[]))
     AND ($7::int[] IS NULL OR extract(year FROM p.decision_date)::int = ANY($7::int[]))
     AND ($8::text[] IS NULL OR p.article_keys && $8::text[])
     AND ($9::text[] IS NULL OR p.topics && $9::text[])
     AND ($10::text[] IS NULL OR p.situation = ANY($10::text[]))
     AND ($11::text[] IS NULL OR p.document_type = ANY($11::text[]))`;
  const columns = `p.entry_id, p.kind, p.chamber, p.decision_date, p.situation, p.document_type,
         p.articles, p.topics, extract(year FROM p.decision_date)::int::text AS year`;
  // Only rows that match the words or a number, and pass the filters, are ranked: the vectors
  // are large (TOASTed), so rows found through a topic or a provision alone never read them.
  const SEARCHED = `text_hits AS MATERIALIZED (
  SELECT p.entry_id,
         coalesce(p.tsv_simple @@ $3::tsquery, false) AS by_mention,
         coalesce(${matchesText}, false) AS by_text,
         coalesce((p.tsv_simple @@ $3::tsquery)::int, 0)
           + greatest(${rank})
           + 0.5 * ${ranked('tsv_simple', 'simple')} AS text_score
    FROM caselaw_published p
   WHERE (${matchesText} OR p.tsv_simple @@ $3::tsquery) AND ${filters}
),
candidates AS (
  SELECT entry_id FROM text_hits
  UNION
  SELECT p.entry_id FROM caselaw_published p
   WHERE (p.document_keys && $2::text[]
          OR p.topics && (SELECT keys FROM topic_hits)
          OR p.article_keys && $4::text[])
     AND ${filters}
),
hits AS MATERIALIZED (
  SELECT ${columns},
         p.document_keys && $2::text[] AS by_number,
         coalesce(th.by_mention, false) AS by_mention,
         coalesce(th.by_text, false) AS by_text,
         p.topics && (SELECT keys FROM topic_hits) AS by_topic,
         p.article_keys && $4::text[] AS by_article,
         10 * (p.document_keys && $2::text[])::int
           + coalesce(th.text_score, 0)
           + 0.05 * (p.topics && (SELECT keys FROM topic_hits))::int
           + 0.05 * (p.article_keys && $4::text[])::int AS score
    FROM candidates c
    JOIN caselaw_published p ON p.entry_id = c.entry_id
    LEFT JOIN text_hits th ON th.entry_id = c.entry_id
),`;
  // Browsing (filters only) reads no vector at all.
  const BROWSED = `hits AS MATERIALIZED (
  SELECT ${columns},
         false AS by_number, false AS by_mention, false AS by_text, false AS by_topic,
         false AS by_article, NULL::real AS score
    FROM caselaw_published p
   WHERE ${filters}
),`;
  const text = `
WITH args AS (
  -- Types the parameters that browsing leaves unused (an unreferenced CTE is never run).
  SELECT $2::text[], $3::tsquery, $4::text[]
),
topic_hits AS MATERIALIZED (
  SELECT coalesce(array_agg(t.key ORDER BY t.key), '{}') AS keys
    FROM caselaw_topics t
   WHERE ${CONFIGS.map(
     ([lang, config]) =>
       `to_tsvector('${config}', caselaw_normalize_ar(t.labels ->> '${lang}')) @@ ${tsquery(config)}`,
   ).join('\n      OR ')}
),
${plan.searching ? SEARCHED : BROWSED}
page AS (
  SELECT h.*, row_number() OVER (ORDER BY ${ORDER[plan.sort]}) AS ord
    FROM hits h ORDER BY ${ORDER[plan.sort]} LIMIT $13::int OFFSET $14::int
)
SELECT
  (SELECT count(*)::int FROM hits) AS total,
  (SELECT coalesce(json_agg(r ORDER BY r.ord), '[]'::json) FROM (
     SELECT pg.ord, pg.entry_id AS id, pg.score, pg.by_number, pg.by_mention, pg.by_text,
            pg.by_topic, pg.by_article, p.content, best.lang,
            best.text_plain,
            ts_headline(best.cfg, caselaw_normalize_ar(best.text_plain), best.query, $15::text) AS text_marked,
            best.holdings_plain,
            ts_headline(best.cfg, caselaw_normalize_ar(best.holdings_plain), best.query, $15::text) AS holdings_marked
       FROM page pg
       JOIN caselaw_published p ON p.entry_id = pg.entry_id
       LEFT JOIN LATERAL (
         SELECT l.lang, l.cfg, l.query,
                caselaw_plain(coalesce(p.content #>> ARRAY['summary', l.lang], p.content #>> ARRAY['body', l.lang])) AS text_plain,
                caselaw_plain(p.content #>> ARRAY['holdings', l.lang]) AS holdings_plain
           FROM (VALUES ${CONFIGS.map(
             ([lang, config, column], i) =>
               `(${i}, '${lang}', '${config}'::regconfig, ${tsquery(config)}, p.${column})`,
           ).join(',\n                        ')}) l(ord, lang, cfg, query, vec)
          WHERE l.lang = ANY(p.languages)
          ORDER BY CASE WHEN l.vec @@ l.query THEN ts_rank_cd(l.vec, l.query, 1) ELSE 0 END DESC,
                   (l.lang = $12::text) DESC, l.ord
          LIMIT 1
       ) best ON true
  ) r) AS page,
  (SELECT coalesce(json_agg(json_build_object('key', t.key, 'labels', t.labels) ORDER BY t.key), '[]'::json)
     FROM caselaw_topics t WHERE t.key = ANY((SELECT keys FROM topic_hits)::text[])) AS understood_topics,
  ${facet('kind', 'kind')},
  ${facet('chamber', 'chamber')},
  ${facet('year', 'year')},
  ${facet('article', 'a', 'hits, unnest(articles) a')},
  (SELECT coalesce(json_agg(json_build_array(f.v, f.n, t.labels) ORDER BY f.n DESC, f.v), '[]'::json)
     FROM (SELECT tp AS v, count(*)::int AS n FROM hits, unnest(topics) tp GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50) f
     LEFT JOIN caselaw_topics t ON t.key = f.v) AS topic,
  ${facet('situation', 'situation')},
  ${facet('document_type', 'document_type')}`;
  return { text, values };
}
