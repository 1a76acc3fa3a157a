import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  problemSchema,
  type Approval,
  type IssuedInvitation,
  type Passkey,
  type ProblemDocument,
  type User,
} from '@coop/contracts';
import { withoutPrfResults, type RequestOptionsInput } from '@coop/testing';
import { SESSION_COOKIE } from './sessions/session.strategy';
import { InvitationsService } from './invitations/invitations.service';
import { Clock } from '../platform/clock';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  ApiClient,
  bootstrapAdmin,
  enrol,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  type Person,
  type Reply,
} from '../../test/identity.harness';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function expectProblem(reply: Reply, status: number, type?: string): ProblemDocument {
  expect({
    status: reply.status,
    type: (reply.body as { type?: string } | undefined)?.type,
  }).toEqual({ status, type: type ? `urn:coop:problem:${type}` : expect.any(String) });
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const doc = problemSchema.parse(reply.body);
  expect(doc.detail.length).toBeGreaterThan(0);
  return doc;
}

/** A raw request, so a test controls every header (the ApiClient always sends the CSRF ones). */
async function raw(
  t: TestApp,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Reply> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = /json/.test(res.headers.get('content-type') ?? '');
  return {
    status: res.status,
    body: text && json ? (JSON.parse(text) as unknown) : text,
    headers: res.headers,
  };
}

function moveClock(t: TestApp, offsetMs: number): jest.SpyInstance<Date, []> {
  return jest
    .spyOn(t.app.get(Clock), 'now')
    .mockImplementation(() => new Date(Date.now() + offsetMs));
}

async function withClock<T>(t: TestApp, offsetMs: number, fn: () => Promise<T>): Promise<T> {
  const spy = moveClock(t, offsetMs);
  try {
    return await fn();
  } finally {
    spy.mockRestore();
  }
}

/** Two Registry admins: both bootstrap links are issued before either is redeemed. */
async function twoAdmins(t: TestApp): Promise<[Person, Person]> {
  const invitations = t.app.get(InvitationsService);
  const first = await invitations.bootstrap('Admin A', 'admin.a@example.org');
  const second = await invitations.bootstrap('Admin B', 'admin.b@example.org');
  const seat = (link: string) =>
    enrol(t, link).catch((error: unknown) => {
      throw new Error(
        `Could not seat two Registry admins through bootstrap links issued before either was redeemed: ${String(error)}`,
      );
    });
  return [await seat(first.link), await seat(second.link)];
}

describe('access control under attack', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: Person;
  let facilitator: Person;
  let senegal: Person;
  let france: Person;

  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number(
      (
        (await db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, params)) as {
          n: number;
        }[]
      )[0].n,
    );
  /** Everything an attack on these routes could change, as one comparable value. */
  const snapshot = async () => {
    const rows = await Promise.all(
      ['users', 'invitations', 'passkeys', 'approvals', 'states', 'state_revisions'].map(
        async (table) =>
          (
            (await db.query(
              `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${table}" x`,
            )) as { h: string }[]
          )[0].h,
      ),
    );
    const revoked = await count('sessions', 'revoked_at IS NOT NULL');
    return { rows, revoked };
  };

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    admin = await bootstrapAdmin(t);
    facilitator = await invitePerson(t, admin, ['facilitator']);
    senegal = await invitePerson(t, admin, ['focal_point'], 'SEN');
    france = await invitePerson(t, admin, ['focal_point'], 'FRA');
  });
  afterAll(() => t.close());

  describe('roles and State scoping', () => {
    it('keeps a focal point of SEN out of another State and out of every admin view', async () => {
      expect((await senegal.client.get<User[]>('/states/SEN/members')).status).toBe(200);
      const foreign = await senegal.client.get('/states/FRA/members');
      expectProblem(foreign, 403, 'forbidden');
      expect(JSON.stringify(foreign.body)).not.toContain(france.me.user.email);
      for (const code of ['sen', 'Sen', 'FRA ', 'XXX']) {
        const reply = await senegal.client.get(`/states/${encodeURIComponent(code)}/members`);
        expect([400, 403]).toContain(reply.status);
      }
      const own = senegal.me.user.id;
      const other = france.me.user.id;
      for (const path of [
        '/users',
        `/users/${own}`,
        `/users/${other}`,
        `/users/${other}/passkeys`,
        `/users/${other}/sessions`,
        '/invitations',
        '/audit',
        '/audit/verify',
        '/approvals',
        '/states/SEN/revisions',
      ]) {
        expectProblem(await senegal.client.get(path), 403, 'forbidden');
      }
    });

    it('keeps a facilitator out of the admin routes, and changes nothing', async () => {
      await stepUp(facilitator); // a fresh step-up does not make up for a missing role
      const before = await snapshot();
      const id = senegal.me.user.id;
      const attempts: [string, string, unknown?][] = [
        ['GET', '/users'],
        ['GET', `/users/${id}`],
        ['GET', '/invitations'],
        [
          'POST',
          '/invitations',
          { displayName: 'Sneaky', email: 'sneaky@example.org', roles: ['facilitator'] },
        ],
        ['GET', '/audit'],
        ['GET', '/approvals'],
        ['POST', '/admin-grants', { userId: facilitator.me.user.id }],
        ['PATCH', `/users/${id}`, { displayName: 'Renamed by a facilitator' }],
        ['POST', `/users/${id}/status`, { status: 'suspended', reason: 'because' }],
        ['POST', `/users/${id}/recovery-invitation`, {}],
        ['DELETE', `/users/${id}/sessions/${senegal.me.session.id}`],
        [
          'POST',
          '/states',
          {
            code: 'ZZZ',
            names: { en: 'Z', fr: 'Z', ar: 'Z', es: 'Z' },
            regionalGroup: 'african',
            entryIntoForce: '2002-07-01',
          },
        ],
        ['POST', '/states/SEN/withdrawal', { withdrawalEffective: '2030-01-01' }],
      ];
      for (const [method, path, body] of attempts) {
        expectProblem(await facilitator.client.call(method, path, body), 403, 'forbidden');
      }
      expect(await snapshot()).toEqual(before);
      expect((await senegal.client.get('/me')).status).toBe(200);
    });

    it('lets nobody reach another user’s sessions or passkeys through /me', async () => {
      const theirPasskeys = await facilitator.client.get<Passkey[]>('/me/passkeys');
      await stepUp(senegal);
      const before = await snapshot();
      expectProblem(
        await senegal.client.delete(`/me/sessions/${facilitator.me.session.id}`),
        404,
        'not-found',
      );
      expectProblem(
        await senegal.client.patch(`/me/passkeys/${theirPasskeys.body[0].id}`, { name: 'Mine' }),
        404,
        'not-found',
      );
      expectProblem(
        await senegal.client.delete(`/me/passkeys/${theirPasskeys.body[0].id}`),
        404,
        'not-found',
      );
      expect(await snapshot()).toEqual(before);
      expect((await facilitator.client.get('/me')).status).toBe(200);
    });

    it('cannot make a Registry admin by editing a user or inviting one', async () => {
      await stepUp(admin);
      const before = await snapshot();
      expectProblem(
        await admin.client.patch(`/users/${facilitator.me.user.id}`, {
          roles: ['registry_admin'],
        }),
        422,
        'validation',
      );
      expectProblem(
        await admin.client.patch(`/users/${facilitator.me.user.id}`, {
          roles: ['facilitator', 'registry_admin'],
        }),
        422,
        'validation',
      );
      expectProblem(
        await admin.client.post('/invitations', {
          displayName: 'Would-be admin',
          email: 'would.be.admin@example.org',
          roles: ['registry_admin'],
        }),
        422,
        'validation',
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('no session', () => {
    it('answers 401 on every route but the public ones', async () => {
      const doc = await raw(t, 'GET', '/api/docs/openapi.json', {});
      const paths = (doc.body as { paths: Record<string, Record<string, { 'x-access'?: string }>> })
        .paths;
      let checked = 0;
      for (const [template, operations] of Object.entries(paths)) {
        const path = template
          .replace(/^\/api\/v1/, '')
          .replace(/\{code\}/g, 'SEN')
          .replace(/\{[^}]+\}/g, () => randomUUID());
        for (const [method, operation] of Object.entries(operations)) {
          const verb = method.toUpperCase();
          const reply = await raw(
            t,
            verb,
            `/api/v1${path}`,
            { Origin: TEST_ORIGIN, 'X-Coop-Csrf': '1' },
            verb === 'GET' ? undefined : {},
          );
          expect(reply.headers.get('set-cookie')).toBeNull();
          expect(reply.status).toBeLessThan(500);
          if (operation['x-access'] === 'public') {
            expect([401, 403]).not.toContain(reply.status);
          } else {
            expect({ route: `${method} ${template}`, status: reply.status }).toEqual({
              route: `${method} ${template}`,
              status: 401,
            });
            expectProblem(reply, 401, 'unauthenticated');
          }
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(30);
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses state-changing requests without the CSRF header, from a foreign origin or cross-site, and changes nothing', async () => {
      await stepUp(admin);
      const pending = await admin.client.post<IssuedInvitation>('/invitations', {
        displayName: 'Pending One',
        email: `pending.${randomUUID()}@example.org`,
        roles: ['facilitator'],
      });
      expect(pending.status).toBe(201);
      const cookie = admin.client.cookie ?? '';
      const good = { Cookie: cookie, Origin: TEST_ORIGIN, 'X-Coop-Csrf': '1' };
      const forgeries: [string, Record<string, string>][] = [
        ['no CSRF header', { Cookie: cookie, Origin: TEST_ORIGIN }],
        ['a wrong CSRF header value', { ...good, 'X-Coop-Csrf': '0' }],
        ['a foreign Origin', { ...good, Origin: 'https://evil.example' }],
        ['a look-alike Origin', { ...good, Origin: `${TEST_ORIGIN}.evil.example` }],
        ['Origin null', { ...good, Origin: 'null' }],
        ['Sec-Fetch-Site cross-site', { ...good, 'Sec-Fetch-Site': 'cross-site' }],
      ];
      const targets: [string, string, unknown?][] = [
        [
          'POST',
          '/api/v1/invitations',
          { displayName: 'Forged', email: 'forged@example.org', roles: ['facilitator'] },
        ],
        [
          'POST',
          '/API/V1/invitations',
          { displayName: 'Forged', email: 'forged2@example.org', roles: ['facilitator'] },
        ],
        ['PATCH', `/api/v1/users/${facilitator.me.user.id}`, { displayName: 'Forged name' }],
        ['DELETE', `/api/v1/invitations/${pending.body.invitation.id}`],
        [
          'POST',
          `/api/v1/users/${facilitator.me.user.id}/status`,
          { status: 'suspended', reason: 'x' },
        ],
        ['POST', '/api/v1/auth/sign-out', {}],
        ['POST', '/api/v1/auth/sign-in/options', {}],
      ];
      const before = await snapshot();
      for (const [what, headers] of forgeries) {
        for (const [method, path, body] of targets) {
          const reply = await raw(t, method, path, headers, body);
          expect({ what, method, path, status: reply.status }).toEqual({
            what,
            method,
            path,
            status: 403,
          });
          expectProblem(reply, 403, 'csrf');
        }
      }
      expect(await snapshot()).toEqual(before);
      expect((await admin.client.get('/me')).status).toBe(200);

      // Control: the same request with the right headers, as the web app sends it, is accepted.
      const accepted = await raw(
        t,
        'POST',
        '/api/v1/invitations',
        { ...good, 'Sec-Fetch-Site': 'same-origin' },
        { displayName: 'Real', email: `real.${randomUUID()}@example.org`, roles: ['facilitator'] },
      );
      expect(accepted.status).toBe(201);
    });
  });

  describe('session cookies', () => {
    it('refuses the cookie of a session that was signed out', async () => {
      const session = await signIn(t, facilitator.authenticator);
      const cookie = session.client.cookie ?? '';
      expect((await session.client.post('/auth/sign-out')).status).toBe(204);
      const replayed = new ApiClient(t.url);
      replayed.cookie = cookie;
      expectProblem(await replayed.get('/me'), 401, 'unauthenticated');
      expectProblem(await replayed.post('/auth/sign-out'), 401, 'unauthenticated');
      expectProblem(await replayed.post('/auth/step-up/options'), 401, 'unauthenticated');
    });

    it('refuses a cookie idle for 31 minutes, not one idle for 29', async () => {
      const idle = await signIn(t, facilitator.authenticator);
      const active = await signIn(t, facilitator.authenticator);
      expect((await withClock(t, 29 * MINUTE, () => active.client.get('/me'))).status).toBe(200);
      expectProblem(
        await withClock(t, 31 * MINUTE, () => idle.client.get('/me')),
        401,
        'unauthenticated',
      );
    });

    it('refuses a cookie 13 hours old, and ends even an active session at 12 hours', async () => {
      const old = await signIn(t, facilitator.authenticator);
      expectProblem(
        await withClock(t, 13 * HOUR, () => old.client.get('/me')),
        401,
        'unauthenticated',
      );
      // Kept busy every 20 minutes, the session never idles out, but it still ends at 12 h.
      const busy = await signIn(t, facilitator.authenticator);
      const spy = moveClock(t, 0);
      try {
        for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
          spy.mockImplementation(() => new Date(Date.now() + minutes * MINUTE));
          expect({ minutes, status: (await busy.client.get('/me')).status }).toEqual({
            minutes,
            status: 200,
          });
        }
        spy.mockImplementation(() => new Date(Date.now() + 12 * HOUR - MINUTE));
        expect((await busy.client.get('/me')).status).toBe(200);
        spy.mockImplementation(() => new Date(Date.now() + 12 * HOUR + MINUTE));
        expectProblem(await busy.client.get('/me'), 401, 'unauthenticated');
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses forged and malformed cookies with 401, never a 5xx', async () => {
      const forged = randomBytes(32).toString('base64url');
      const values = [
        `${SESSION_COOKIE}=${forged}`,
        `${SESSION_COOKIE}=${forged.slice(0, 42)}`,
        `${SESSION_COOKIE}=${forged}A`,
        `${SESSION_COOKIE}=${'A'.repeat(43)}`,
        `${SESSION_COOKIE}=${encodeURIComponent("' OR 1=1 --")}`,
        `${SESSION_COOKIE}=%E0%A4%A`,
        `${SESSION_COOKIE}=${'x'.repeat(4000)}`,
        `${SESSION_COOKIE}=`,
        `coop-session=${(senegal.client.cookie ?? '').split('=')[1]}`,
        `${SESSION_COOKIE.toLowerCase()}=${(senegal.client.cookie ?? '').split('=')[1]}`,
      ];
      for (const cookie of values) {
        const reply = await raw(t, 'GET', '/api/v1/me', { Cookie: cookie });
        expect({ cookie: cookie.slice(0, 60), status: reply.status }).toEqual({
          cookie: cookie.slice(0, 60),
          status: 401,
        });
        expectProblem(reply, 401, 'unauthenticated');
      }
    });

    it('hands out a new token at sign-in rather than adopting one the client brings', async () => {
      const planted = `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`;
      const client = new ApiClient(t.url);
      client.cookie = planted;
      const options = await client.post<RequestOptionsInput>('/auth/sign-in/options');
      const response = withoutPrfResults(
        await facilitator.authenticator.authenticate(options.body),
      );
      expect((await client.post('/auth/sign-in/verify', { response })).status).toBe(200);
      expect(client.cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}$`));
      expect(client.cookie).not.toBe(planted);
      expect((await client.get('/me')).status).toBe(200);
      expectProblem(await raw(t, 'GET', '/api/v1/me', { Cookie: planted }), 401, 'unauthenticated');
    });

    it('keeps a step-up to the session it was made in', async () => {
      const first = await signIn(t, facilitator.authenticator);
      const second = await signIn(t, facilitator.authenticator);
      await withClock(t, 6 * MINUTE, async () => {
        await stepUp(first);
        expect((await first.client.post('/me/passkeys/options')).status).toBe(200);
        expectProblem(await second.client.post('/me/passkeys/options'), 401, 'step-up-required');
      });
    });
  });

  describe('Registry admin grants: the two-person rule', () => {
    it('lets neither the candidate nor the requesting admin decide on a request', async () => {
      const candidate = await invitePerson(t, admin, ['facilitator']);
      await stepUp(admin);
      const requested = await admin.client.post<Approval>('/admin-grants', {
        userId: candidate.me.user.id,
      });
      expect(requested.status).toBe(201);
      expect(requested.body).toMatchObject({ status: 'pending', kind: 'admin.grant' });
      const decision = `/approvals/${requested.body.id}/decision`;

      await stepUp(candidate);
      expectProblem(
        await candidate.client.post(decision, { decision: 'approve' }),
        403,
        'forbidden',
      );
      for (const choice of ['approve', 'reject']) {
        expectProblem(
          await admin.client.post(decision, { decision: choice }),
          403,
          'two-person-rule',
        );
      }
      // A second request for the same person does not reset the count either.
      expectProblem(
        await admin.client.post('/admin-grants', { userId: candidate.me.user.id }),
        409,
        'conflict',
      );
      const pending = await admin.client.get<Approval[]>('/approvals?status=pending');
      expect(pending.body.filter((g) => g.userId === candidate.me.user.id)).toEqual([
        expect.objectContaining({ id: requested.body.id, status: 'pending', decidedBy: null }),
      ]);
      expect((await admin.client.get<User>(`/users/${candidate.me.user.id}`)).body.roles).toEqual([
        'facilitator',
      ]);
    });

    it('refuses a grant for someone who has not enrolled', async () => {
      await stepUp(admin);
      const invited = await admin.client.post<IssuedInvitation>('/invitations', {
        displayName: 'Not Yet',
        email: `not.yet.${randomUUID()}@example.org`,
        roles: ['facilitator'],
      });
      expectProblem(
        await admin.client.post('/admin-grants', { userId: invited.body.invitation.userId }),
        409,
        'conflict',
      );
    });

    it('keeps the Registry admin role on the last active admin', async () => {
      await stepUp(admin);
      expectProblem(
        await admin.client.delete(`/admin-grants/holders/${admin.me.user.id}`),
        409,
        'last-admin',
      );
      expect((await admin.client.get<{ user: User }>('/me')).body.user.roles).toContain(
        'registry_admin',
      );
    });

    it('does not let an admin change their own status', async () => {
      await stepUp(admin);
      for (const status of ['suspended', 'deactivated']) {
        expectProblem(
          await admin.client.post(`/users/${admin.me.user.id}/status`, {
            status,
            reason: 'leaving',
          }),
          403,
          'not-on-yourself',
        );
      }
      expect((await admin.client.get<{ user: User }>('/me')).body.user.status).toBe('active');
    });
  });
});

/**
 * Needs two Registry admins. A new admin needs a second admin's approval, so the first two come
 * from the operator's bootstrap links, both issued here before either is redeemed.
 */
describe('with two Registry admins', () => {
  let t: TestApp;
  let db: DataSource;
  let a: Person;
  let b: Person;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    db = t.app.get(DataSource);
    [a, b] = await twoAdmins(t);
  });
  afterAll(() => t.close());

  const activeAdmins = async () =>
    Number(
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM users WHERE status = 'active' AND 'registry_admin' = ANY(roles)`,
        )) as { n: number }[]
      )[0].n,
    );

  it('lets a second admin approve what the first one requested', async () => {
    const candidate = await invitePerson(t, a, ['facilitator']);
    await stepUp(a);
    const requested = await a.client.post<Approval>('/admin-grants', {
      userId: candidate.me.user.id,
    });
    expect(requested.status).toBe(201);
    const decision = `/approvals/${requested.body.id}/decision`;
    expectProblem(await a.client.post(decision, { decision: 'approve' }), 403, 'two-person-rule');

    await stepUp(b);
    const approved = await b.client.post<{ approval: Approval }>(decision, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({
      status: 'approved',
      requestedBy: a.me.user.id,
      decidedBy: b.me.user.id,
    });
    expect((await b.client.get<User>(`/users/${candidate.me.user.id}`)).body.roles).toContain(
      'registry_admin',
    );
    expectProblem(await b.client.post(decision, { decision: 'reject' }), 409, 'conflict');
    expectProblem(
      await a.client.post('/admin-grants', { userId: candidate.me.user.id }),
      409,
      'conflict',
    );
    // Withdrawing it again is a request too, which the requester cannot approve.
    await stepUp(b);
    const withdrawal = await b.client.delete<Approval>(
      `/admin-grants/holders/${candidate.me.user.id}`,
    );
    expect(withdrawal.status).toBe(202);
    expect(withdrawal.body).toMatchObject({ kind: 'admin.withdraw', status: 'pending' });
    const decision2 = `/approvals/${withdrawal.body.id}/decision`;
    expectProblem(await b.client.post(decision2, { decision: 'approve' }), 403, 'two-person-rule');
    await stepUp(a);
    expect((await a.client.post(decision2, { decision: 'approve' })).status).toBe(200);
    expect((await a.client.get<User>(`/users/${candidate.me.user.id}`)).body.roles).toEqual([
      'facilitator',
    ]);
  });

  it('never ends with no active admin when two admins approve each other’s removal at the same moment', async () => {
    const refusals: string[] = [];
    /** Each asks to remove the other; then each consents to their own removal, at once. */
    const race = async (
      kind: 'suspend' | 'withdraw',
    ): Promise<{ winner: Person; loser: Person }> => {
      await stepUp(a);
      await stepUp(b);
      const ask = async (actor: Person, target: Person) => {
        const reply =
          kind === 'suspend'
            ? await actor.client.post<Approval>(`/users/${target.me.user.id}/status`, {
                status: 'suspended',
                reason: 'race',
              })
            : await actor.client.delete<Approval>(`/admin-grants/holders/${target.me.user.id}`);
        expect(reply.status).toBe(202);
        return reply.body.id;
      };
      const aboutB = await ask(a, b);
      const aboutA = await ask(b, a);
      expect(await activeAdmins()).toBe(2);
      const consent = (actor: Person, id: string) =>
        actor.client.post(`/approvals/${id}/decision`, { decision: 'approve' });
      const [byA, byB] = await Promise.all([consent(a, aboutA), consent(b, aboutB)]);
      expect([byA.status, byB.status].filter((s) => s === 200)).toHaveLength(1);
      const refused = byA.status === 200 ? byB : byA;
      expect([401, 409]).toContain(refused.status);
      const doc = problemSchema.parse(refused.body);
      expect(['urn:coop:problem:last-admin', 'urn:coop:problem:unauthenticated']).toContain(
        doc.type,
      );
      refusals.push(doc.type);
      expect(await activeAdmins()).toBe(1);
      // Whoever consented first is gone; the other stays.
      const winner = byA.status === 200 ? b : a;
      const pendingLeft = await winner.client.get<Approval[]>('/approvals?status=pending');
      for (const p of pendingLeft.body) {
        await winner.client.post(
          `/approvals/${p.id}/${p.requestedBy === winner.me.user.id ? 'cancel' : 'decision'}`,
          p.requestedBy === winner.me.user.id ? {} : { decision: 'reject' },
        );
      }
      return { winner, loser: winner === a ? b : a };
    };

    for (let round = 0; round < 3; round++) {
      const { winner, loser } = await race('suspend');
      // Reactivating an admin is a request too; the suspended admin cannot approve it, so the
      // operator-level path is used here: the database, as an operator restoring a backup would.
      await db.query(`UPDATE users SET status = 'active' WHERE id = $1`, [loser.me.user.id]);
      const again = await signIn(t, loser.authenticator);
      [a, b] = winner === a ? [winner, again] : [again, winner];
    }

    // Withdrawal needs another role to fall back on; giving an admin a role is a request too.
    for (const [asker, person] of [
      [a, b],
      [b, a],
    ] as const) {
      await stepUp(asker);
      const asked = await asker.client.patch<Approval>(`/users/${person.me.user.id}`, {
        roles: ['facilitator'],
      });
      expect(asked.status).toBe(202);
      await stepUp(person);
      const done = await person.client.post(`/approvals/${asked.body.id}/decision`, {
        decision: 'approve',
      });
      expect(done.status).toBe(200);
    }
    const { winner } = await race('withdraw');
    expect(refusals).toContain('urn:coop:problem:last-admin');

    // The survivor is now the last admin: they can neither withdraw nor suspend themselves.
    await stepUp(winner);
    expectProblem(
      await winner.client.delete(`/admin-grants/holders/${winner.me.user.id}`),
      409,
      'last-admin',
    );
    expectProblem(
      await winner.client.post(`/users/${winner.me.user.id}/status`, {
        status: 'suspended',
        reason: 'x',
      }),
      403,
      'not-on-yourself',
    );
    expect(await activeAdmins()).toBe(1);
  });
});

describe('rate limits on the public ceremonies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ...IDENTITY_ENV, AUTH_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers the sixth sign-in request within a minute with 429, whatever the client claims', async () => {
    const client = new ApiClient(t.url);
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/auth/sign-in/options')).status).toBe(200);
    }
    expectProblem(await client.post('/auth/sign-in/options'), 429, 'too-many-requests');
    // A spoofed forwarding header does not buy a fresh allowance.
    const spoofed = await client.call(
      'POST',
      '/auth/sign-in/options',
      {},
      {
        'X-Forwarded-For': '203.0.113.7',
        'X-Real-IP': '203.0.113.7',
      },
    );
    expectProblem(spoofed, 429, 'too-many-requests');
    // Nor does a fresh client from the same address.
    expectProblem(
      await new ApiClient(t.url).post('/auth/sign-in/options'),
      429,
      'too-many-requests',
    );
    // Health checks are not rate-limited.
    expect((await client.get('/health/live')).status).toBe(200);
  });
});
