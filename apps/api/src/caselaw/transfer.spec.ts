import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  CaselawExport,
  EditorEntry,
  EntryContent,
  ImportProblem,
  ImportReport,
  RevisionSummary,
} from '@coop/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../test/identity.harness';

const ITALY = '384a9d5d-5274-4456-af08-5d8e9d3f0e43';

const entry = (overrides: Partial<EntryContent> = {}): EntryContent => ({
  kind: 'entry',
  title: { en: 'Imported decision, with "quotes", commas' },
  documentNumbers: ['ICC-01/98-7'],
  chamber: 'trial',
  date: '2026-01-05',
  situation: null,
  caseName: null,
  documentType: 'order',
  articles: [],
  topics: ['asset-tracing'],
  summary: { en: '=HYPERLINK("https://evil.example")\nsecond line', ar: 'ملخص مستورد' },
  holdings: {},
  quotes: [],
  links: [],
  related: [],
  source: { title: 'import test', locator: null, url: null },
  ...overrides,
});

describe('case-law import and export', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Person;
  let editor: Person;
  let focal: Person;

  const counts = async () =>
    (await db.query(
      `SELECT (SELECT count(*) FROM caselaw_entries)::int AS entries,
              (SELECT count(*) FROM caselaw_revisions)::int AS revisions,
              (SELECT count(*) FROM caselaw_published)::int AS published,
              (SELECT count(*) FROM caselaw_topics)::int AS topics`,
    )) as { entries: number; revisions: number; published: number; topics: number }[];
  const exportJson = async () => {
    const reply = await editor.client.get<CaselawExport>('/caselaw/editor/export');
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const importFile = (file: unknown) =>
    editor.client.post<ImportReport & { errors?: ImportProblem[] }>('/caselaw/editor/import', file);

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = new DataSource({ type: 'postgres', url: t.database.url });
    await db.initialize();
    admin = await bootstrapAdmin(t);
    editor = await invitePerson(t, admin, ['facilitator']);
    focal = await invitePerson(t, admin, ['focal_point'], 'SEN');
    await stepUp(editor);
  });
  afterAll(async () => {
    await db.destroy();
    await t.close();
  });

  it('exports every entry in every language as JSON, and re-imports it unchanged', async () => {
    const file = await exportJson();
    expect(file.format).toBe('coop-caselaw');
    expect(file.entries).toHaveLength(11);
    expect(file.topics.length).toBeGreaterThanOrEqual(15);
    const italy = file.entries.find((e) => e.id === ITALY);
    expect(italy).toMatchObject({
      kind: 'entry',
      status: 'published',
      revision: 1,
      publishedRevision: 1,
    });
    expect(Object.keys(italy?.content.title ?? {}).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    const before = await counts();
    const report = await importFile(file);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      created: [],
      updated: [],
      topicsCreated: [],
      topicsUpdated: [],
    });
    expect(report.body.unchanged).toHaveLength(11);
    expect(await counts()).toEqual(before);
  });

  it('exports CSV by RFC 4180, readable by spreadsheets and safe from formulas', async () => {
    const draft = await editor.client.post<EditorEntry>('/caselaw/editor/entries', {
      id: randomUUID(),
      content: entry(),
    });
    expect(draft.status).toBe(201);
    const res = await fetch(`${t.url}/api/v1/caselaw/editor/export?format=csv`, {
      headers: { Origin: TEST_ORIGIN, 'X-Coop-Csrf': '1', Cookie: editor.client.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="caselaw-.*\.csv"/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const log = await admin.client.get<{ entries: AuditEntry[] }>('/audit?action=caselaw.exported');
    expect(log.body.entries[0]).toMatchObject({
      actorId: editor.me.user.id,
      details: { format: 'csv', entries: 12 },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^id,kind,status,revision,published_revision,/);
    expect(text).toContain('"Imported decision, with ""quotes"", commas"');
    expect(text).toContain('"\'=HYPERLINK(""https://evil.example"")\nsecond line"');
    expect(text).toContain('ملخص مستورد');
    expect(text).toContain('Art. 87(7)');
    // One record per entry plus the header: quoted newlines do not end records.
    const records = text.slice(1).split('\r\n').filter(Boolean);
    expect(records).toHaveLength(13);
  });

  it('refuses a file with a bad row as a whole, reporting row and field', async () => {
    const before = await counts();
    const head = (await admin.client.get<{ entries: AuditEntry[] }>('/audit?limit=1')).body
      .entries[0].seq;
    const good = { id: randomUUID(), content: entry() };
    const reply = await importFile({
      format: 'coop-caselaw',
      version: 1,
      topics: [{ key: 'new-topic', labels: { en: 'New', fr: 'Nouveau', ar: 'جديد', es: 'Nuevo' } }],
      entries: [
        good,
        { id: randomUUID(), content: entry({ documentNumbers: ['ICC-XX'] }) },
        { id: randomUUID(), content: entry({ topics: ['no-such-topic'] }) },
        { id: 'not-a-uuid', content: entry() },
        { id: good.id, content: entry() },
        { id: randomUUID(), content: entry(), kind: 'explainer' },
      ],
    });
    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
    const problems = (reply.body.errors ?? []).map((p) => [p.section, p.index, p.field]);
    expect(problems).toEqual([
      ['entries', 1, 'content.documentNumbers.0'],
      ['entries', 2, 'content.topics.0'],
      ['entries', 3, 'id'],
      ['entries', 4, 'id'],
      ['entries', 5, 'kind'],
    ]);
    expect(await counts()).toEqual(before);
    const after = (await admin.client.get<{ entries: AuditEntry[] }>('/audit?limit=1')).body
      .entries[0].seq;
    expect(after).toBe(head);
  });

  it('imports new entries as drafts and existing ones as new draft revisions, all at once', async () => {
    const file = await exportJson();
    const italy = file.entries.find((e) => e.id === ITALY);
    if (italy?.content.kind !== 'entry') throw new Error('expected the Italy entry');
    const changed = {
      ...italy,
      content: { ...italy.content, summary: { ...italy.content.summary, en: 'Shortened.' } },
    };
    const fresh = {
      id: randomUUID(),
      content: entry({ topics: ['fresh-topic'], related: [ITALY] }),
    };
    const reply = await importFile({
      format: 'coop-caselaw',
      version: 1,
      topics: [
        { key: 'fresh-topic', labels: { en: 'Fresh', fr: 'Frais', ar: 'جديد', es: 'Fresco' } },
      ],
      entries: [changed, fresh],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      created: [fresh.id],
      updated: [ITALY],
      unchanged: [],
      topicsCreated: ['fresh-topic'],
    });
    const imported = await editor.client.get<EditorEntry>(`/caselaw/editor/entries/${ITALY}`);
    // The reviewed text stays published until the new revision is reviewed and published.
    expect(imported.body).toMatchObject({ status: 'draft', revision: 2, publishedRevision: 1 });
    const history = await editor.client.get<RevisionSummary[]>(
      `/caselaw/editor/entries/${ITALY}/revisions`,
    );
    expect(history.body[0]).toMatchObject({
      number: 2,
      origin: 'import',
      author: { id: editor.me.user.id },
    });
    const created = await editor.client.get<EditorEntry>(`/caselaw/editor/entries/${fresh.id}`);
    expect(created.body).toMatchObject({ status: 'draft', revision: 1 });
    const log = await admin.client.get<{ entries: AuditEntry[] }>('/audit?action=caselaw.imported');
    expect(log.body.entries[0].details).toMatchObject({ created: 1, updated: 1, topicsCreated: 1 });
    // An entry in review cannot be overwritten by an import.
    await editor.client.post(`/caselaw/editor/entries/${ITALY}/submit`, { revision: 2 });
    const blocked = await importFile({ format: 'coop-caselaw', version: 1, entries: [italy] });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors?.[0]).toMatchObject({ index: 0, id: ITALY, field: 'id' });
  });

  it('is for facilitators only', async () => {
    for (const outsider of [focal, admin]) {
      expect((await outsider.client.get('/caselaw/editor/export')).status).toBe(403);
      expect(
        (
          await outsider.client.post('/caselaw/editor/import', {
            format: 'coop-caselaw',
            version: 1,
            entries: [],
          })
        ).status,
      ).toBe(403);
    }
  });
});
