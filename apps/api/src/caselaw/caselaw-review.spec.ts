import { randomUUID } from 'node:crypto';
import type {
  AuditEntry,
  EditorEntry,
  EntryContent,
  ImportReport,
  RevisionSummary,
} from '@coop/contracts';
import { DataSource } from 'typeorm';
import { startTestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  type Person,
  type Reply,
} from '../../test/identity.harness';

const SEEDED = '0f577e7e-9fd8-43e4-8bf8-72839b038f29';

const sample = (overrides: Partial<EntryContent> = {}): EntryContent => ({
  kind: 'entry',
  title: { en: 'Decision on the surrender of a suspect' },
  documentNumbers: ['ICC-01/97-3'],
  chamber: 'pre-trial-i',
  date: '2026-02-11',
  situation: null,
  caseName: null,
  documentType: 'decision',
  articles: [],
  topics: ['asset-freezing'],
  summary: { en: 'The Chamber asked for the surrender of the suspect.' },
  holdings: {},
  quotes: [],
  links: [],
  related: [],
  source: { title: 'The decision itself', locator: null, url: null },
  ...overrides,
});

const expectOk = <T>(reply: Reply<T>, status = 200): T => {
  expect({ status: reply.status, body: reply.status === status ? null : reply.body }).toEqual({
    status,
    body: null,
  });
  return reply.body;
};

const expectTwoPersonRule = (reply: Reply): string => {
  const body = reply.body as { type?: string; detail?: string };
  expect({ status: reply.status, type: body.type }).toEqual({
    status: 403,
    type: 'urn:coop:problem:two-person-rule',
  });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return body.detail ?? '';
};

/** An app, an admin and three facilitators: Amina writes, Bruno and Chen review. */
async function setUp(env: NodeJS.ProcessEnv = {}) {
  const t = await startTestApp({ ...IDENTITY_ENV, ...env });
  const admin = await bootstrapAdmin(t);
  const [amina, bruno, chen] = [
    await invitePerson(t, admin, ['facilitator']),
    await invitePerson(t, admin, ['facilitator']),
    await invitePerson(t, admin, ['facilitator']),
  ];
  const path = (id: string) => `/caselaw/editor/entries/${id}`;
  const create = async (by: Person, content = sample()) =>
    expectOk(
      await by.client.post<EditorEntry>('/caselaw/editor/entries', { id: randomUUID(), content }),
      201,
    );
  const edit = async (by: Person, entry: EditorEntry, content: EntryContent) =>
    expectOk(
      await by.client.call<EditorEntry>('PUT', path(entry.id), {
        baseRevision: entry.revision,
        content,
      }),
    );
  const submit = async (by: Person, entry: EditorEntry) =>
    expectOk(
      await by.client.post<EditorEntry>(`${path(entry.id)}/submit`, { revision: entry.revision }),
    );
  const publish = async (by: Person, entry: EditorEntry) => {
    await stepUp(by);
    return by.client.post<EditorEntry>(`${path(entry.id)}/publish`, { revision: entry.revision });
  };
  const audited = async (id: string) =>
    (
      await admin.client.get<{ entries: AuditEntry[] }>('/audit?action=caselaw.published')
    ).body.entries.filter((e) => e.subjectId === id);
  return { t, admin, amina, bruno, chen, path, create, edit, submit, publish, audited };
}

describe('case-law publication needs a second facilitator (CASELAW_SECOND_REVIEW, the default)', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp();
  });
  afterAll(() => s.t.close());

  it('refuses the author their own publication with 403 two-person-rule; another facilitator publishes', async () => {
    const { amina, bruno, create, submit, publish, path } = s;
    const review = await submit(amina, await create(amina));
    expect(review.review).toEqual({
      secondReview: true,
      authors: [{ id: amina.me.user.id, displayName: amina.me.user.displayName }],
    });
    expect(expectTwoPersonRule(await publish(amina, review))).toMatch(
      /You submitted revision 1 for review/,
    );
    // Nothing moved: the entry is still in review and readers see nothing.
    expect(expectOk(await bruno.client.get<EditorEntry>(path(review.id))).status).toBe('in_review');
    expect((await bruno.client.get(`/caselaw/entries/${review.id}`)).status).toBe(404);

    const published = expectOk(await publish(bruno, review));
    expect(published).toMatchObject({ status: 'published', publishedRevision: 1 });
    expect(published.publishedBy?.id).toBe(bruno.me.user.id);
    expect(published.review.authors).toEqual([]);
  });

  it('records the reviewer apart from the author in the history and in the audit', async () => {
    const { amina, bruno, create, submit, publish, path, audited } = s;
    const entry = await submit(amina, await create(amina));
    expectOk(await publish(bruno, entry));
    const history = expectOk(
      await amina.client.get<RevisionSummary[]>(`${path(entry.id)}/revisions`),
    );
    expect(history).toMatchObject([
      {
        number: 1,
        author: { id: amina.me.user.id },
        published: true,
        publications: [
          {
            publishedBy: { id: bruno.me.user.id, displayName: bruno.me.user.displayName },
            authors: [{ id: amina.me.user.id }],
            secondReview: true,
          },
        ],
      },
    ]);
    expect((await audited(entry.id)).map((e) => [e.actorId, e.details])).toEqual([
      [
        bruno.me.user.id,
        {
          revision: 1,
          kind: 'entry',
          previousRevision: null,
          authorId: amina.me.user.id,
          submittedBy: amina.me.user.id,
          authorIds: [amina.me.user.id],
          reviewerId: bruno.me.user.id,
          secondReview: true,
        },
      ],
    ]);
  });

  it('counts everyone who changed the text: a reviewer who edited it cannot then publish it alone', async () => {
    const { amina, bruno, chen, create, edit, submit, publish, path } = s;
    const submitted = await submit(amina, await create(amina));
    // Bruno sends it back, rewrites a line and submits it again under Amina's name... or his.
    expectOk(await bruno.client.post<EditorEntry>(`${path(submitted.id)}/return`));
    const draft = expectOk(await bruno.client.get<EditorEntry>(path(submitted.id)));
    const rewritten = await edit(
      bruno,
      draft,
      sample({ summary: { en: 'The Chamber ordered the surrender at once.' } }),
    );
    const again = await submit(amina, rewritten);
    expect(again.review.authors.map((p) => p.id).sort()).toEqual(
      [amina.me.user.id, bruno.me.user.id].sort(),
    );
    expect(expectTwoPersonRule(await publish(bruno, again))).toMatch(
      /You changed this entry since it was last published/,
    );
    expectTwoPersonRule(await publish(amina, again));
    const published = expectOk(await publish(chen, again));
    expect(published.publishedBy?.id).toBe(chen.me.user.id);
  });

  it('looks at the changes since the last publication only', async () => {
    const { amina, bruno, chen, create, edit, submit, publish, audited } = s;
    const first = expectOk(await publish(bruno, await submit(amina, await create(amina))));
    // Amina wrote revision 1, which Bruno reviewed; Chen's revision 2 is the change now.
    const changed = await edit(chen, first, sample({ date: '2026-02-12' }));
    const review = await submit(chen, changed);
    expect(review.review.authors.map((p) => p.id)).toEqual([chen.me.user.id]);
    expectTwoPersonRule(await publish(chen, review));
    const published = expectOk(await publish(amina, review));
    expect(published).toMatchObject({
      publishedRevision: 2,
      publishedBy: { id: amina.me.user.id },
    });
    expect((await audited(first.id)).at(0)?.details).toMatchObject({
      revision: 2,
      previousRevision: 1,
      authorIds: [chen.me.user.id],
      reviewerId: amina.me.user.id,
    });
  });

  it('keeps the rule after an unpublish: the submitter still cannot publish alone', async () => {
    const { amina, bruno, create, submit, publish, path } = s;
    const live = expectOk(await publish(bruno, await submit(amina, await create(amina))));
    expectOk(await amina.client.post(`${path(live.id)}/unpublish`, { reason: 'a typo' }));
    const draft = expectOk(await amina.client.get<EditorEntry>(path(live.id)));
    const review = await submit(amina, draft);
    // The text was reviewed before; its submitter is the one who answers for it now.
    expect(review.review.authors.map((p) => p.id)).toEqual([amina.me.user.id]);
    expectTwoPersonRule(await publish(amina, review));
    expectOk(await publish(bruno, review));
  });

  it('brings imported entries in as drafts, with the importer counted as their author', async () => {
    const { amina, bruno, submit, publish, path } = s;
    const id = randomUUID();
    await stepUp(amina);
    const report = expectOk(
      await amina.client.post<ImportReport>('/caselaw/editor/import', {
        format: 'coop-caselaw',
        version: 1,
        // The exported workflow state is not taken over: an import never publishes.
        entries: [{ id, content: sample(), status: 'published', publishedRevision: 1 }],
      }),
    );
    expect(report.created).toEqual([id]);
    const imported = expectOk(await amina.client.get<EditorEntry>(path(id)));
    expect(imported).toMatchObject({ status: 'draft', publishedRevision: null });
    expect((await bruno.client.get(`/caselaw/entries/${id}`)).status).toBe(404);
    // Bruno submits it, yet Amina, whose import wrote the text, still may not publish it.
    const review = await submit(bruno, imported);
    expect(expectTwoPersonRule(await publish(amina, review))).toMatch(/You changed this entry/);
    expectTwoPersonRule(await publish(bruno, review));
  });

  it('leaves the seeded entries, published by the platform, as they are', async () => {
    const { amina, path } = s;
    const seeded = expectOk(await amina.client.get<EditorEntry>(path(SEEDED)));
    expect(seeded).toMatchObject({
      status: 'published',
      publishedBy: null,
      review: { secondReview: true, authors: [] },
    });
    const history = expectOk(
      await amina.client.get<RevisionSummary[]>(`${path(SEEDED)}/revisions`),
    );
    expect(history).toMatchObject([{ number: 1, author: null, published: true, publications: [] }]);
  });

  it('holds in the database too: a publication by one of its authors is refused', async () => {
    const { t, amina, create } = s;
    const entry = await create(amina);
    const db = new DataSource({ type: 'postgres', url: t.database.url });
    await db.initialize();
    try {
      await expect(
        db.query(
          `INSERT INTO caselaw_publications (entry_id, revision, published_by, authors, second_review, published_at)
           VALUES ($1, 1, $2, ARRAY[$2]::uuid[], true, now())`,
          [entry.id, amina.me.user.id],
        ),
      ).rejects.toThrow(/caselaw_publications_second_pair_of_eyes/);
    } finally {
      await db.destroy();
    }
  });
});

describe('case-law publication with CASELAW_SECOND_REVIEW=false', () => {
  let s: Awaited<ReturnType<typeof setUp>>;
  beforeAll(async () => {
    s = await setUp({ CASELAW_SECOND_REVIEW: 'false' });
  });
  afterAll(() => s.t.close());

  it('lets the author publish their own entry, and says so in the history and the audit', async () => {
    const { amina, create, submit, publish, path, audited } = s;
    const review = await submit(amina, await create(amina));
    expect(review.review.secondReview).toBe(false);
    const published = expectOk(await publish(amina, review));
    expect(published.publishedBy?.id).toBe(amina.me.user.id);
    const history = expectOk(
      await amina.client.get<RevisionSummary[]>(`${path(review.id)}/revisions`),
    );
    expect(history[0]?.publications).toMatchObject([
      { publishedBy: { id: amina.me.user.id }, secondReview: false },
    ]);
    expect((await audited(review.id)).at(0)?.details).toMatchObject({
      authorId: amina.me.user.id,
      reviewerId: amina.me.user.id,
      secondReview: false,
    });
  });
});
