import type { CaselawView, SearchResponse, SearchResult } from '@coop/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  type Person,
} from '../../test/identity.harness';
import { normalizeArabic } from './snippet';

/** Seeded entries (migrations/data/caselaw-seed.json). */
const NEXUS = '2d0b44ae-dc3a-4ad7-be95-bc6c311dba55';
const MONGOLIA = 'c8996f8a-a291-4d55-a9c0-d581ab71763d';
const HUNGARY = '0f577e7e-9fd8-43e4-8bf8-72839b038f29';
const ITALY = '384a9d5d-5274-4456-af08-5d8e9d3f0e43';
const NON_COOPERATION = 'beea0158-34cc-4f14-ae16-65f4bc1860c3';

describe('case-law search', () => {
  let t: TestApp;
  let reader: Person;

  const search = async (params: Record<string, string | string[]>) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params))
      for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
    const reply = await reader.client.get<SearchResponse>(`/caselaw/search?${query}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const ids = (results: SearchResult[]) => results.map((r) => r.id);
  const hits = (r: SearchResult) =>
    (r.snippet?.segments ?? []).filter((s) => s.hit).map((s) => s.text);

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    const admin = await bootstrapAdmin(t);
    reader = await invitePerson(t, admin, ['focal_point'], 'SEN');
  });
  afterAll(() => t.close());

  it('finds the Appeals Chamber decision on freezing first for an Arabic query', async () => {
    const plain = await search({ q: 'تجميد الأصول' });
    expect(plain.results[0].id).toBe(NEXUS);
    expect(plain.results[0].matchedBy).toContain('text');
    expect(plain.results[0].snippet?.lang).toBe('ar');
    expect(hits(plain.results[0]).join(' ')).toContain('الأصول');
    // Diacritics, tatweel and other alef forms read the same.
    for (const q of ['تَجْمِيدُ الأُصُولِ', 'تجمـــيد الاصول', 'تجميد الإصول']) {
      const reply = await search({ q });
      expect({ q, first: reply.results[0].id }).toEqual({ q, first: NEXUS });
    }
  });

  it('finds it first for a French query, and through the shared topic', async () => {
    const reply = await search({ q: '« gel des avoirs »', kind: 'entry' });
    expect(reply.results[0].id).toBe(NEXUS);
    expect(reply.results[0].snippet?.lang).toBe('fr');
    expect(reply.understood.topics.map((x) => x.key)).toContain('asset-freezing');
    const anyKind = await search({ q: 'gel des avoirs' });
    expect(anyKind.results[0].id).toBe(NEXUS);
  });

  it('puts the entry whose number is searched for first', async () => {
    const reply = await search({ q: 'ICC-01/22-90' });
    expect(reply.results[0].id).toBe(MONGOLIA);
    expect(reply.results[0].matchedBy).toContain('document-number');
    expect(reply.understood.documentNumbers).toEqual(['ICC-01/22-90']);
    // Other entries that cite the number come after it.
    expect(reply.results.length).toBeGreaterThan(1);
    const lower = await search({ q: 'icc-01/22-90' });
    expect(lower.results[0].id).toBe(MONGOLIA);
    const cited = await search({ q: 'ICC-ACRed-01/16' });
    expect(cited.results[0].id).toBe(NEXUS);
    // A situation prefix finds every record of the situation.
    const situation = await search({ q: 'ICC-01/22' });
    expect(situation.total).toBe(4);
    // An Assembly document is searched as words, not taken for a Court record.
    const resolution = await search({ q: 'ICC-ASP/16/Res.2' });
    expect(resolution.understood.documentNumbers).toEqual([]);
    expect(ids(resolution.results)).toContain('4eef4c97-d5e4-4b98-a9cc-4fc7b0ed2751');
    expect(resolution.total).toBeLessThan(11);
  });

  it('filters by article: 87(7) finds the findings and decisions citing it', async () => {
    const reply = await search({ article: '87(7)' });
    expect(ids(reply.results).sort()).toEqual([HUNGARY, ITALY, MONGOLIA, NON_COOPERATION].sort());
    expect(reply.facets.article.find((a) => a.value === 'statute:87(7)')?.count).toBe(4);
    const entries = await search({ article: 'statute:87(7)', kind: 'entry', sort: 'date' });
    expect(ids(entries.results)).toEqual([ITALY, HUNGARY, MONGOLIA]);
    // A query that names the provision ranks those citing it first.
    const named = await search({ q: 'article 87(7) Hungary' });
    expect(named.results[0].id).toBe(HUNGARY);
    expect(named.understood.articles.map((a) => a.key)).toEqual(['statute:87(7)']);
  });

  it('counts facets over all results, consistent with the data', async () => {
    const all = await search({ limit: '50' });
    expect(all.total).toBe(11);
    const count = (facet: keyof SearchResponse['facets'], value: string) =>
      all.facets[facet].find((f) => f.value === value)?.count;
    expect(count('kind', 'entry')).toBe(8);
    expect(count('kind', 'explainer')).toBe(3);
    expect(count('chamber', 'pre-trial-i')).toBe(3);
    expect(count('chamber', 'pre-trial-ii')).toBe(3);
    expect(count('chamber', 'appeals')).toBe(1);
    expect(count('chamber', 'plenary')).toBe(1);
    expect(count('year', '2025')).toBe(5);
    expect(count('year', '2024')).toBe(2);
    expect(count('year', '2016')).toBe(1);
    expect(count('documentType', 'finding')).toBe(2);
    expect(count('documentType', 'warrant')).toBe(1);
    expect(count('situation', 'Situation in Ukraine')).toBe(4);
    expect(count('situation', 'Situation in Libya')).toBe(2);
    expect(count('topic', 'non-cooperation')).toBe(7);
    expect(all.facets.chamber.find((f) => f.value === 'appeals')?.label.ar).toBe('دائرة الاستئناف');
    expect(all.facets.topic.find((f) => f.value === 'asset-freezing')?.label.fr).toBe(
      'Gel des avoirs',
    );
    // Every facet count equals the number of results a filter on that value returns.
    for (const facet of ['chamber', 'year', 'documentType', 'situation', 'topic'] as const) {
      const param = facet === 'documentType' ? 'documentType' : facet;
      for (const { value, count: expected } of all.facets[facet]) {
        const filtered = await search({ [param]: value });
        expect({ facet, value, total: filtered.total }).toEqual({ facet, value, total: expected });
      }
    }
    // Facets follow the query and filters.
    const libya = await search({ situation: 'Situation in Libya' });
    expect(libya.facets.documentType.map((f) => [f.value, f.count]).sort()).toEqual([
      ['decision', 1],
      ['warrant', 1],
    ]);
  });

  it('sorts by date or by relevance, and pages', async () => {
    const byDate = await search({ kind: 'entry', sort: 'date' });
    const dates = byDate.results.map((r) => r.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const page = await search({ kind: 'entry', sort: 'date', limit: '3', offset: '3' });
    expect(ids(page.results)).toEqual(ids(byDate.results).slice(3, 6));
    expect(page.total).toBe(8);
    const relevance = await search({ q: 'Mongolia' });
    const scores = relevance.results.map((r) => r.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('highlights as plain-text segments, never HTML', async () => {
    const reply = await search({ q: 'Netanyahu', lang: 'en' });
    const first = reply.results[0];
    expect(first.id).toBe(HUNGARY);
    expect(first.snippet?.field).toBe('summary');
    expect(hits(first)).toContain('Netanyahu');
    expect(JSON.stringify(reply)).not.toMatch(/<\/?(b|mark|em)>/);
    // The reader's language is preferred when several match equally (here: none searched).
    const browse = await search({ lang: 'es', kind: 'explainer' });
    expect(browse.results.every((r) => r.snippet?.lang === 'es')).toBe(true);
    expect(browse.results[0].snippet?.truncatedEnd).toBe(true);
  });

  it('highlights Arabic words where they stand in the original text', async () => {
    const reply = await search({ q: 'تَجْمِيدُ الأُصُولِ' });
    const segments = reply.results[0].snippet?.segments ?? [];
    const marked = segments.filter((s) => s.hit).map((s) => normalizeArabic(s.text));
    expect(marked).toContain('الاصول');
  });

  it('normalises Arabic in TypeScript exactly as the SQL function does', async () => {
    const db = new DataSource({ type: 'postgres', url: t.database.url });
    await db.initialize();
    try {
      const marks = Array.from({ length: 8 }, (_, i) => String.fromCharCode(0x064b + i)).join('');
      for (const text of [
        `تَجْمِيدُ${marks}\u0670\u0640 أإآٱ ىة`,
        'الأصول المحكمة مصطفى',
        'Latin text, ICC-01/22-90 and 87(7)',
      ]) {
        const [{ n }] = (await db.query('SELECT caselaw_normalize_ar($1) AS n', [text])) as {
          n: string;
        }[];
        expect(normalizeArabic(text)).toBe(n);
      }
    } finally {
      await db.destroy();
    }
  });

  it('finds an entry written only in English through an Arabic topic label', async () => {
    const db = new DataSource({ type: 'postgres', url: t.database.url });
    await db.initialize();
    try {
      // An entry with an English summary only, on the freezing topic.
      await db.query(
        `INSERT INTO caselaw_entries (id, kind, status, current_revision, published_revision, updated_at)
         VALUES ('11111111-2222-4333-8444-555555555555', 'entry', 'published', 1, 1, now())`,
      );
      const content = {
        kind: 'entry',
        title: { en: 'An English-only entry' },
        documentNumbers: ['ICC-99/99-1'],
        chamber: 'trial',
        date: '2020-01-01',
        situation: null,
        caseName: null,
        documentType: 'order',
        articles: [],
        topics: ['asset-freezing'],
        summary: { en: 'Written in English only.' },
        holdings: {},
        quotes: [],
        links: [],
        related: [],
        source: { title: 'test', locator: null, url: null },
      };
      await db.query(
        `INSERT INTO caselaw_published (entry_id, revision, content, published_at)
         VALUES ('11111111-2222-4333-8444-555555555555', 1, $1, now())`,
        [JSON.stringify(content)],
      );
    } finally {
      await db.destroy();
    }
    const reply = await search({ q: 'تجميد الأصول' });
    const found = reply.results.find((r) => r.id === '11111111-2222-4333-8444-555555555555');
    expect(found?.matchedBy).toEqual(['topic']);
    expect(reply.results[0].id).toBe(NEXUS);
  });

  it('shows a published entry with rendered text, resolved topics and related entries', async () => {
    const reply = await reader.client.get<CaselawView>(`/caselaw/entries/${HUNGARY}`);
    expect(reply.status).toBe(200);
    const view = reply.body;
    if (view.kind !== 'entry') throw new Error('expected an entry');
    expect(view.documentNumbers).toEqual(['ICC-01/18-462']);
    expect(view.chamber).toBe('pre-trial-i');
    expect(view.date).toBe('2025-07-24');
    expect(view.articles.map((a) => a.display)).toEqual(['Art. 87(7)']);
    expect(view.topics.map((x) => x.key)).toContain('non-cooperation');
    expect(view.summary.ar?.blocks[0].type).toBe('paragraph');
    expect(view.holdings.en?.blocks[0].type).toBe('list');
    expect(view.related.map((r) => r.id)).toContain(NON_COOPERATION);
    expect(view.languages).toEqual(['en', 'fr', 'ar', 'es']);
    expect(view.marking).toBe('PUBLIC');
    expect(view.source.locator).toContain('paras. 21–24');
  });

  it('refuses malformed search parameters', async () => {
    for (const query of [
      'limit=0',
      'limit=51',
      'offset=-1',
      'chamber=appeal',
      'year=99',
      'topic=Bad_Key',
      'article=foo',
      'x=1',
      `q=${'a'.repeat(301)}`,
    ]) {
      const reply = await reader.client.get(`/caselaw/search?${query}`);
      expect({ query, status: reply.status }).toEqual({ query, status: 422 });
    }
  });
});
