import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  CaselawView,
  EditorEntry,
  EditorEntryList,
  EntryContent,
  MdBlock,
  Revision,
  RevisionDiff,
  RevisionSummary,
  SearchResponse,
  Topic,
} from '@coop/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  type Person,
  type Reply,
} from '../../test/identity.harness';

const SEEDED = '0f577e7e-9fd8-43e4-8bf8-72839b038f29';

function sampleEntry(overrides: Partial<EntryContent> = {}): EntryContent {
  return {
    kind: 'entry',
    title: { en: 'Decision on the freezing of a bank account', ar: 'قرار بشأن تجميد حساب مصرفي' },
    documentNumbers: ['ICC-01/99-1'],
    chamber: 'pre-trial-iii',
    date: '2026-03-02',
    situation: 'Situation in Testland',
    caseName: null,
    documentType: 'decision',
    articles: [{ instrument: 'statute', article: '57', paragraph: '3', subparagraph: 'e' }],
    topics: ['asset-freezing'],
    summary: { en: 'The Chamber ordered the zebracorn account frozen.' },
    holdings: { en: '- A request may name the account.' },
    quotes: [{ paragraph: '12', lang: 'en', text: 'The account is frozen.', source: null }],
    links: [{ url: 'https://www.icc-cpi.int/court-record/x', label: 'Decision', lang: 'en' }],
    related: [],
    source: { title: 'The decision itself', locator: 'paras. 10-14', url: null },
    ...overrides,
  };
}

/** Every text node of a rendered document. */
const textOf = (blocks: MdBlock[]): string => {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as { type?: string; text?: string };
      if ((n.type === 'text' || n.type === 'code') && n.text) parts.push(n.text);
      Object.values(node).forEach(walk);
    }
  };
  walk(blocks);
  return parts.join('');
};

describe('case-law workflow and access', () => {
  let t: TestApp;
  let admin: Person;
  let editor: Person;
  let reviewer: Person;
  let focal: Person;

  const expectStatus = <T>(reply: Reply<T>, status: number): T => {
    expect({ status: reply.status, body: reply.status === status ? null : reply.body }).toEqual({
      status,
      body: null,
    });
    return reply.body;
  };
  const create = async (content = sampleEntry(), by = editor) =>
    expectStatus(
      await by.client.post<EditorEntry>('/caselaw/editor/entries', { id: randomUUID(), content }),
      201,
    );
  const publishNew = async (content = sampleEntry()) => {
    const draft = await create(content);
    await editor.client.post(`/caselaw/editor/entries/${draft.id}/submit`, { revision: 1 });
    await stepUp(reviewer);
    return expectStatus(
      await reviewer.client.post<EditorEntry>(`/caselaw/editor/entries/${draft.id}/publish`, {
        revision: 1,
      }),
      200,
    );
  };
  const audited = async (action: string) =>
    (await admin.client.get<{ entries: AuditEntry[] }>(`/audit?action=${action}`)).body.entries;

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
    editor = await invitePerson(t, admin, ['facilitator']);
    reviewer = await invitePerson(t, admin, ['facilitator']);
    focal = await invitePerson(t, admin, ['focal_point'], 'SEN');
  });
  afterAll(() => t.close());

  it('keeps drafts from readers: 404 for the id, absent from search, editor routes 403', async () => {
    const draft = await create();
    expect(draft).toMatchObject({ status: 'draft', revision: 1, publishedRevision: null });
    expect(draft.createdBy?.displayName).toBe(editor.me.user.displayName);
    for (const reader of [focal, admin]) {
      const view = await reader.client.get(`/caselaw/entries/${draft.id}`);
      const unknown = await reader.client.get(`/caselaw/entries/${randomUUID()}`);
      expect(view.status).toBe(404);
      // The same answer as for an id that does not exist.
      expect({ ...(view.body as object), instance: null, requestId: null }).toEqual({
        ...(unknown.body as object),
        instance: null,
        requestId: null,
        detail: (view.body as { detail: string }).detail,
      });
      expect((await reader.client.get(`/caselaw/editor/entries/${draft.id}`)).status).toBe(403);
      expect(
        (await reader.client.get(`/caselaw/editor/entries/${draft.id}/revisions`)).status,
      ).toBe(403);
      expect((await reader.client.get('/caselaw/editor/entries')).status).toBe(403);
      const found = await reader.client.get<SearchResponse>('/caselaw/search?q=zebracorn');
      expect(found.body.total).toBe(0);
    }
    // Neither focal points nor Registry admins edit content.
    for (const outsider of [focal, admin]) {
      expect(
        (
          await outsider.client.post('/caselaw/editor/entries', {
            id: randomUUID(),
            content: sampleEntry(),
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await outsider.client.call('PUT', `/caselaw/editor/entries/${draft.id}`, {
            baseRevision: 1,
            content: sampleEntry(),
          })
        ).status,
      ).toBe(403);
    }
  });

  it('creates once per client id: a retry answers with the entry, another content conflicts', async () => {
    const id = randomUUID();
    const body = { id, content: sampleEntry() };
    const first = expectStatus(
      await editor.client.post<EditorEntry>('/caselaw/editor/entries', body),
      201,
    );
    const again = expectStatus(
      await editor.client.post<EditorEntry>('/caselaw/editor/entries', body),
      201,
    );
    expect(again).toEqual(first);
    const other = await editor.client.post('/caselaw/editor/entries', {
      id,
      content: sampleEntry({ date: '2026-03-03' }),
    });
    expect(other.status).toBe(409);
    const list = await editor.client.get<EditorEntryList>('/caselaw/editor/entries?status=draft');
    expect(list.body.entries.filter((e) => e.id === id)).toHaveLength(1);
  });

  it('runs draft → in review → published, refusing other moves with 409, and audits', async () => {
    const draft = await create();
    const path = `/caselaw/editor/entries/${draft.id}`;
    // Invalid moves from draft.
    await stepUp(reviewer);
    expect((await reviewer.client.post(`${path}/publish`, { revision: 1 })).status).toBe(409);
    expect((await reviewer.client.post(`${path}/return`)).status).toBe(409);
    expect((await reviewer.client.post(`${path}/unpublish`, { reason: 'x' })).status).toBe(409);
    // Edit from a stale base, then properly.
    const edited = sampleEntry({
      summary: { en: 'The Chamber ordered the zebracorn account frozen.\nA second line.' },
    });
    expect(
      (await editor.client.call('PUT', path, { baseRevision: 2, content: edited })).status,
    ).toBe(409);
    const v2 = expectStatus(
      await editor.client.call<EditorEntry>('PUT', path, {
        baseRevision: 1,
        content: edited,
        note: 'second line',
      }),
      200,
    );
    expect(v2.revision).toBe(2);
    // Saving the same content again makes no revision.
    expect(
      expectStatus(
        await editor.client.call<EditorEntry>('PUT', path, { baseRevision: 2, content: edited }),
        200,
      ).revision,
    ).toBe(2);
    // Submitting names the revision seen.
    expect((await editor.client.post(`${path}/submit`, { revision: 1 })).status).toBe(409);
    const review = expectStatus(
      await editor.client.post<EditorEntry>(`${path}/submit`, { revision: 2 }),
      200,
    );
    expect(review.status).toBe('in_review');
    expect(review.submittedBy?.id).toBe(editor.me.user.id);
    expect((await editor.client.post(`${path}/submit`, { revision: 2 })).status).toBe(409);
    expect(
      (await editor.client.call('PUT', path, { baseRevision: 2, content: sampleEntry() })).status,
    ).toBe(409);
    // Back to draft and in review again.
    expect(
      expectStatus(await reviewer.client.post<EditorEntry>(`${path}/return`), 200).status,
    ).toBe('draft');
    await editor.client.post(`${path}/submit`, { revision: 2 });
    // Publishing needs a fresh passkey confirmation; the session above is fresh.
    const published = expectStatus(
      await reviewer.client.post<EditorEntry>(`${path}/publish`, { revision: 2 }),
      200,
    );
    expect(published).toMatchObject({ status: 'published', revision: 2, publishedRevision: 2 });
    expect(published.publishedBy?.id).toBe(reviewer.me.user.id);
    expect((await reviewer.client.post(`${path}/publish`, { revision: 2 })).status).toBe(409);
    const log = await audited('caselaw.published');
    expect(log.find((e) => e.subjectId === draft.id)).toMatchObject({
      actorId: reviewer.me.user.id,
      subjectType: 'caselaw_entry',
      details: { revision: 2, kind: 'entry', previousRevision: null },
    });

    // Readers see it now.
    const view = await focal.client.get<CaselawView>(`/caselaw/entries/${draft.id}`);
    expect(view.status).toBe(200);
    if (view.body.kind !== 'entry') throw new Error('expected an entry');
    expect(view.body.summary.en?.markdown).toContain('A second line.');
    expect(
      (await focal.client.get<SearchResponse>('/caselaw/search?q=zebracorn')).body.results.map(
        (r) => r.id,
      ),
    ).toContain(draft.id);

    // Editing the published entry starts a draft; readers keep the published text meanwhile.
    const v3 = expectStatus(
      await editor.client.call<EditorEntry>('PUT', path, {
        baseRevision: 2,
        content: sampleEntry({ summary: { en: 'Rewritten: the unicornzebra account.' } }),
      }),
      200,
    );
    expect(v3).toMatchObject({ status: 'draft', revision: 3, publishedRevision: 2 });
    const still = await focal.client.get<CaselawView>(`/caselaw/entries/${draft.id}`);
    expect(JSON.stringify(still.body)).toContain('zebracorn');
    expect(JSON.stringify(still.body)).not.toContain('unicornzebra');
    expect(
      (await focal.client.get<SearchResponse>('/caselaw/search?q=unicornzebra')).body.total,
    ).toBe(0);

    // Unpublishing takes it away from readers and is audited with its reason.
    const gone = expectStatus(
      await reviewer.client.post<EditorEntry>(`${path}/unpublish`, { reason: 'superseded' }),
      200,
    );
    expect(gone).toMatchObject({ status: 'draft', publishedRevision: null });
    expect((await focal.client.get(`/caselaw/entries/${draft.id}`)).status).toBe(404);
    expect(
      (await focal.client.get<SearchResponse>('/caselaw/search?q=zebracorn')).body.results.map(
        (r) => r.id,
      ),
    ).not.toContain(draft.id);
    expect((await reviewer.client.post(`${path}/unpublish`, { reason: 'again' })).status).toBe(409);
    const unpublished = await audited('caselaw.unpublished');
    expect(unpublished.find((e) => e.subjectId === draft.id)?.details).toEqual({
      revision: 2,
      kind: 'entry',
      reason: 'superseded',
    });
  });

  it('keeps every revision with author and time, and diffs them field by field', async () => {
    const draft = await create();
    const path = `/caselaw/editor/entries/${draft.id}`;
    await reviewer.client.call('PUT', path, {
      baseRevision: 1,
      content: sampleEntry({
        summary: { en: 'The Chamber ordered the zebracorn account frozen.\nIt added a line.' },
        topics: ['asset-freezing', 'asset-tracing'],
        chamber: 'trial',
      }),
      note: 'more detail',
    });
    const revisions = expectStatus(
      await editor.client.get<RevisionSummary[]>(`${path}/revisions`),
      200,
    );
    expect(revisions.map((r) => [r.number, r.author?.id, r.origin, r.note])).toEqual([
      [2, reviewer.me.user.id, 'edit', 'more detail'],
      [1, editor.me.user.id, 'edit', null],
    ]);
    const first = expectStatus(await editor.client.get<Revision>(`${path}/revisions/1`), 200);
    expect(first.content.kind === 'entry' && first.content.chamber).toBe('pre-trial-iii');
    expect((await editor.client.get(`${path}/revisions/9`)).status).toBe(404);
    const diff = expectStatus(
      await editor.client.get<RevisionDiff>(`${path}/diff?from=1&to=2`),
      200,
    );
    expect(diff.changes).toEqual([
      { field: 'chamber', kind: 'value', before: 'pre-trial-iii', after: 'trial' },
      { field: 'topics', kind: 'list', added: ['asset-tracing'], removed: [] },
      {
        field: 'summary.en',
        kind: 'text',
        before: 'The Chamber ordered the zebracorn account frozen.',
        after: 'The Chamber ordered the zebracorn account frozen.\nIt added a line.',
        lines: [
          { op: 'equal', text: 'The Chamber ordered the zebracorn account frozen.' },
          { op: 'insert', text: 'It added a line.' },
        ],
      },
    ]);
    expect((await focal.client.get(`${path}/diff?from=1&to=2`)).status).toBe(403);
    expect((await admin.client.get(`${path}/revisions/1`)).status).toBe(403);
  });

  it('renders script, HTML and non-https links inert', async () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)> **bold** <a href="javascript:alert(1)">x</a>',
    ].join('\n\n');
    const entry = await publishNew(sampleEntry({ summary: { en: hostile }, holdings: {} }));
    const view = await focal.client.get<CaselawView>(`/caselaw/entries/${entry.id}`);
    if (view.body.kind !== 'entry') throw new Error('expected an entry');
    const blocks = view.body.summary.en?.blocks ?? [];
    expect(textOf(blocks)).toContain('<script>alert(1)</script>');
    expect(blocks[1]).toMatchObject({ type: 'paragraph' });
    // No node carries HTML: only typed nodes whose text the web app escapes.
    expect(JSON.stringify(blocks)).not.toMatch(/"(html|raw|dangerouslySetInnerHTML)"/);
    // A javascript: link is refused when saved, naming the field...
    const refused = await editor.client.post<{ errors: { field: string; message: string }[] }>(
      '/caselaw/editor/entries',
      { id: randomUUID(), content: sampleEntry({ summary: { en: '[x](javascript:alert(1))' } }) },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e) => e.field)).toContain('content.summary.en');
    // ...and inert if one reaches the published table some other way.
    const db = new DataSource({ type: 'postgres', url: t.database.url });
    await db.initialize();
    try {
      await db.query(
        `UPDATE caselaw_published SET content = jsonb_set(content, '{summary,en}', to_jsonb($2::text)) WHERE entry_id = $1`,
        [entry.id, 'See [this](javascript:alert(1)) and [that](https://example.org/ok).'],
      );
    } finally {
      await db.destroy();
    }
    const again = await focal.client.get<CaselawView>(`/caselaw/entries/${entry.id}`);
    if (again.body.kind !== 'entry') throw new Error('expected an entry');
    const links = (
      again.body.summary.en?.blocks[0] as { children: { type: string; href?: string | null }[] }
    ).children.filter((n) => n.type === 'link');
    expect(links.map((l) => l.href)).toEqual([null, 'https://example.org/ok']);
  });

  it('shows readers only the related entries that are published', async () => {
    const draft = await create();
    const published = await publishNew(sampleEntry({ related: [draft.id, SEEDED] }));
    const view = await focal.client.get<CaselawView>(`/caselaw/entries/${published.id}`);
    expect(view.body.related.map((r) => r.id)).toEqual([SEEDED]);
    expect(JSON.stringify(view.body)).not.toContain(draft.id);
  });

  it('checks references: known topics, existing related entries, a fixed kind', async () => {
    const bad = await editor.client.post<{ errors: { field: string; code: string }[] }>(
      '/caselaw/editor/entries',
      {
        id: randomUUID(),
        content: sampleEntry({
          topics: ['asset-freezing', 'no-such-topic'],
          related: [randomUUID()],
        }),
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => [e.field, e.code])).toEqual([
      ['content.topics.1', 'unknown-topic'],
      ['content.related.0', 'unknown-entry'],
    ]);
    const draft = await create(sampleEntry({ related: [SEEDED] }));
    const changed = await editor.client.call<{ errors: { field: string; code: string }[] }>(
      'PUT',
      `/caselaw/editor/entries/${draft.id}`,
      {
        baseRevision: 1,
        content: {
          kind: 'explainer',
          title: { en: 'x' },
          body: { en: 'y' },
          articles: [],
          topics: [],
          quotes: [],
          links: [],
          related: [],
          source: null,
        },
      },
    );
    expect(changed.status).toBe(422);
    expect(changed.body.errors.map((e) => [e.field, e.code])).toEqual([
      ['content.kind', 'kind-fixed'],
    ]);
    const self = await editor.client.call<{ errors: { field: string; code: string }[] }>(
      'PUT',
      `/caselaw/editor/entries/${draft.id}`,
      {
        baseRevision: 1,
        content: sampleEntry({ related: [draft.id] }),
      },
    );
    expect(self.body.errors.map((e) => [e.field, e.code])).toEqual([
      ['content.related.0', 'self-relation'],
    ]);
  });

  it('lists working copies for editors, filtered by status and words', async () => {
    const list = expectStatus(
      await editor.client.get<EditorEntryList>(
        '/caselaw/editor/entries?status=published&q=Mongolia',
      ),
      200,
    );
    expect(list.total).toBe(4);
    expect(list.entries.every((e) => e.status === 'published' && e.updatedBy === null)).toBe(true);
    const byNumber = await editor.client.get<EditorEntryList>(
      '/caselaw/editor/entries?q=ICC-01/18-462',
    );
    expect(byNumber.body.entries.map((e) => e.id)).toEqual([SEEDED]);
    const seeded = expectStatus(
      await editor.client.get<EditorEntry>(`/caselaw/editor/entries/${SEEDED}`),
      200,
    );
    expect(seeded).toMatchObject({ createdBy: null, status: 'published', revision: 1 });
    const history = await editor.client.get<RevisionSummary[]>(
      `/caselaw/editor/entries/${SEEDED}/revisions`,
    );
    expect(history.body).toMatchObject([
      { number: 1, author: null, origin: 'seed', published: true },
    ]);
  });

  it('lets facilitators extend the topic vocabulary, and everyone read it', async () => {
    const labels = {
      en: 'Witness relocation',
      fr: 'Réinstallation des témoins',
      ar: 'نقل الشهود',
      es: 'Reubicación de testigos',
    };
    expectStatus(
      await editor.client.post('/caselaw/topics', { key: 'witness-relocation', labels }),
      201,
    );
    expect(
      (await editor.client.post('/caselaw/topics', { key: 'witness-relocation', labels })).status,
    ).toBe(409);
    expect((await focal.client.post('/caselaw/topics', { key: 'other', labels })).status).toBe(403);
    expect((await admin.client.post('/caselaw/topics', { key: 'other', labels })).status).toBe(403);
    const renamed = expectStatus(
      await editor.client.patch<Topic>('/caselaw/topics/witness-relocation', {
        labels: { ...labels, en: 'Relocation of witnesses' },
      }),
      200,
    );
    expect(renamed.labels.en).toBe('Relocation of witnesses');
    expect((await editor.client.patch('/caselaw/topics/no-such-topic', { labels })).status).toBe(
      404,
    );
    const list = expectStatus(await focal.client.get<Topic[]>('/caselaw/topics'), 200);
    expect(list.map((x) => x.key)).toEqual(
      expect.arrayContaining(['asset-freezing', 'witness-relocation']),
    );
  });
});
