import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  createKeyRecord,
  generateAccountKeys,
  generateRecoveryKey,
  wrapBundle,
} from '@coop/crypto';
import type { Approval, NoticeList, Passkey, Role } from '@coop/contracts';
import { Clock } from '../clock';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { discoverRoutes } from '../../../test/routes.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  stepUp,
  TEST_ORIGIN,
  type Person,
} from '../../../test/identity.harness';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/** A route as Nest registered it, with the access rule its handler declares. */
interface Route {
  method: string;
  /** Router syntax, e.g. /api/v1/users/:id */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

interface Principal {
  name: string;
  roles: Role[];
  stateCode: string | null;
  person: Person;
}

type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'step-up-required';

type OpenApiPaths = Record<string, Record<string, { 'x-access'?: string }>>;

/** Every controller route with its access rule. */
function routesWithRules(t: TestApp): Route[] {
  const reflector = t.app.get(Reflector);
  return discoverRoutes(t).map((r) => ({
    method: RequestMethod[r.method].toLowerCase(),
    path: r.path,
    handler: `${r.controller.name}.${r.handlerName}`,
    rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      r.handler,
      r.controller,
    ]),
  }));
}

/** What the rule says should happen to this caller; an independent reading of access.decorator. */
function outcomeFor(rule: AccessRule, principal: Principal | null, fresh: boolean): Outcome {
  if (rule.kind === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  if (rule.roles.length > 0 && !rule.roles.some((role) => principal.roles.includes(role)))
    return 'forbidden';
  if (rule.stepUp && !fresh) return 'step-up-required';
  return 'allowed';
}

/**
 * A path to call with the route rule alone in play: the caller's own State (another State's is a
 * resource-level probe below), random ids otherwise.
 */
const pathFor = (path: string, principal: Principal | null) =>
  path.replace(/:(\w+)/g, (_m, name: string) =>
    name === 'code' ? (principal?.stateCode ?? 'SEN') : randomUUID(),
  );

async function call(
  t: TestApp,
  method: string,
  path: string,
  cookie: string | undefined,
): Promise<{ status: number; type: string | undefined }> {
  const hasBody = method !== 'get' && method !== 'head';
  const res = await fetch(`${t.url}${path}`, {
    method: method.toUpperCase(),
    headers: {
      Origin: TEST_ORIGIN,
      'X-Coop-Csrf': '1',
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: hasBody ? '{}' : undefined,
  });
  const text = await res.text();
  let type: string | undefined;
  if (/problem\+json/.test(res.headers.get('content-type') ?? '')) {
    type = (JSON.parse(text) as { type?: string }).type;
  }
  return { status: res.status, type };
}

/** A caller reaching for a row that is not theirs, and how the row is read to see it unchanged. */
interface Probe {
  /** The route, as in `routes`. */
  route: string;
  caller: Person;
  path: string;
  body?: unknown;
  status: number;
  type: string;
  row: () => Promise<unknown>;
}

function verdict(outcome: Outcome, status: number, type: string | undefined): string | null {
  if (status >= 500) return `answered ${status}`;
  switch (outcome) {
    case 'allowed':
      return status === 401 || status === 403 ? `refused with ${status} ${type}` : null;
    case 'unauthenticated':
      return status === 401 && type === 'urn:coop:problem:unauthenticated'
        ? null
        : `expected 401 unauthenticated, got ${status} ${type}`;
    case 'forbidden':
      return status === 403 && type === 'urn:coop:problem:forbidden'
        ? null
        : `expected 403 forbidden, got ${status} ${type}`;
    case 'step-up-required':
      return status === 401 && type === 'urn:coop:problem:step-up-required'
        ? null
        : `expected 401 step-up-required, got ${status} ${type}`;
  }
}

describe('route access matrix', () => {
  let t: TestApp;
  let routes: Route[];
  let principals: Principal[];

  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    routes = routesWithRules(t);
    const admin = await bootstrapAdmin(t);
    const people: [string, Role[], string | null][] = [
      ['facilitator', ['facilitator'], null],
      ['focal point of SEN', ['focal_point'], 'SEN'],
      ['facilitator and focal point of SEN', ['facilitator', 'focal_point'], 'SEN'],
    ];
    principals = [
      { name: 'registry admin', roles: ['registry_admin'], stateCode: null, person: admin },
    ];
    for (const [name, roles, stateCode] of people) {
      principals.push({
        name,
        roles,
        stateCode,
        person: await invitePerson(t, admin, roles, stateCode),
      });
    }
  });
  afterAll(() => t.close());

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'get /api/v1/health/live',
        'post /api/v1/auth/sign-in/verify',
        'get /api/v1/states/:code/members',
        'post /api/v1/approvals/:id/decision',
      ]),
    );
  });

  it('gives every route an access rule', () => {
    expect(
      routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`),
    ).toEqual([]);
  });

  it('serves no route that Nest does not know of, outside the API documentation', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = new Set<string>();
    const unexpected: string[] = [];
    for (const key of t.served) {
      const [method, path] = key.split(' ');
      // Fastify answers HEAD on each GET route, as Express did without listing it.
      const implicitHead = method === 'head' && t.served.includes(`get ${path}`);
      const documentation = path.startsWith('/api/docs') && (method === 'get' || implicitHead);
      if (implicitHead || documentation) continue;
      served.add(key);
      if (!known.has(key)) unexpected.push(key);
    }
    expect(unexpected).toEqual([]);
    expect([...known].filter((k) => !served.has(k))).toEqual([]);
  });

  it('documents every route in OpenAPI with an x-access that matches its rule', async () => {
    const res = await fetch(`${t.url}/api/docs/openapi.json`);
    const paths = ((await res.json()) as { paths: OpenApiPaths }).paths;
    const problems: string[] = [];
    const documented = new Set<string>();
    for (const route of routes) {
      const template = route.path.replace(/:(\w+)/g, '{$1}');
      documented.add(`${route.method} ${template}`);
      const access = paths[template]?.[route.method]?.['x-access'];
      const rule = route.rule;
      const where = `${route.method} ${route.path}`;
      if (typeof access !== 'string' || !rule) {
        problems.push(`${where}: x-access ${String(access)}`);
        continue;
      }
      if ((access === 'public') !== (rule.kind === 'public'))
        problems.push(`${where}: x-access "${access}" for a ${rule.kind} rule`);
      if (rule.kind === 'signed-in') {
        if (/\+ step-up$/.test(access) !== rule.stepUp)
          problems.push(`${where}: x-access "${access}" but stepUp ${rule.stepUp}`);
        for (const role of rule.roles) {
          if (!access.includes(role))
            problems.push(`${where}: x-access "${access}" does not name ${role}`);
        }
      }
    }
    for (const [template, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations)) {
        if (!documented.has(`${method} ${template}`))
          problems.push(`${method} ${template}: documented but not served`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every route as its rule says, for no session and each role (fresh sessions)', async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      if (!route.rule) continue;
      for (const principal of [null, ...principals]) {
        const path = pathFor(route.path, principal);
        const expected = outcomeFor(route.rule, principal, true);
        const { status, type } = await call(t, route.method, path, principal?.person.client.cookie);
        calls += 1;
        const wrong = verdict(expected, status, type);
        if (wrong)
          mismatches.push(`${route.method} ${path} as ${principal?.name ?? 'nobody'}: ${wrong}`);
        // A route may end the session it was called with (sign-out): start a new one.
        if (principal && (await principal.person.client.get('/me')).status !== 200) {
          principal.person = await signIn(t, principal.person.authenticator);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  });

  it('asks for a step-up on the sensitive routes once the sign-in is six minutes old', async () => {
    const sensitive = routes.filter((r) => r.rule?.kind === 'signed-in' && r.rule.stepUp);
    expect(sensitive.length).toBeGreaterThan(10);
    for (const principal of principals) {
      principal.person = await signIn(t, principal.person.authenticator);
    }
    const mismatches: string[] = [];
    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + 6 * 60_000));
    try {
      for (const route of sensitive) {
        if (!route.rule) continue;
        for (const principal of [null, ...principals]) {
          const path = pathFor(route.path, principal);
          const expected = outcomeFor(route.rule, principal, false);
          const { status, type } = await call(
            t,
            route.method,
            path,
            principal?.person.client.cookie,
          );
          const wrong = verdict(expected, status, type);
          if (wrong)
            mismatches.push(`${route.method} ${path} as ${principal?.name ?? 'nobody'}: ${wrong}`);
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(mismatches).toEqual([]);
    // Every allowed role met the step-up wall at least once: the stale pass tested something.
    for (const principal of principals) {
      const walled = sensitive.some(
        (r) => r.rule && outcomeFor(r.rule, principal, false) === 'step-up-required',
      );
      expect({ principal: principal.name, walled }).toEqual({
        principal: principal.name,
        walled: true,
      });
    }
  });
  it('refuses every id of another State or of another owner, and changes nothing', async () => {
    const db = t.app.get(DataSource);
    const rows = (sql: string, params: unknown[]) => db.query(sql, params);
    const apiPath = (route: string) => route.replace(/^\w+ \/api\/v1/, '');
    const [admin, , focal] = principals.map((p) => p.person);
    // Fresh sessions: the step-up routes must answer for the row, not for a stale sign-in.
    const owner = await signIn(t, principals[1].person.authenticator);
    const stranger = await signIn(t, focal.authenticator);
    const requester = await signIn(t, admin.authenticator);
    const otherAdmin = await bootstrapAdmin(t, 'Second Admin', 'second.admin@example.org');

    const [passkey] = (await owner.client.get<Passkey[]>('/me/passkeys')).body;
    const [credential] = owner.authenticator.credentials();
    const [notice] = (await owner.client.get<NoticeList>('/me/notices')).body.notices;
    await stepUp(requester);
    const approval = (
      await requester.client.post<Approval>('/admin-grants', { userId: owner.me.user.id })
    ).body;
    // The stranger has keys of their own, so only the passkey their wrap names is wrong.
    const strangerId = stranger.me.user.id;
    const keys = await generateAccountKeys();
    const record = await createKeyRecord(keys, { userId: strangerId, generation: 1 });
    const recovery = await wrapBundle(keys, 'recovery', (await generateRecoveryKey()).secret, {
      userId: strangerId,
      generation: 1,
    });
    expect(
      (await stranger.client.call('PUT', '/keys/me', { record, wraps: [recovery] })).status,
    ).toBe(200);
    const wrapOf = async (generation: number) =>
      wrapBundle(keys, 'prf', new Uint8Array(32).fill(7), {
        userId: strangerId,
        generation,
        credentialId: credential.id,
      });
    const next = await createKeyRecord(keys, { userId: strangerId, generation: 2 });

    const sessionRow = () =>
      rows('SELECT revoked_at FROM sessions WHERE id = $1', [owner.me.session.id]);
    const passkeyRow = () =>
      rows('SELECT name, revoked_at FROM passkeys WHERE id = $1', [passkey.id]);
    const approvalRow = () =>
      rows('SELECT status, decided_by, decided_at FROM approvals WHERE id = $1', [approval.id]);
    const keysRow = () =>
      rows(
        `SELECT (SELECT max(generation) FROM key_records WHERE user_id = $1) AS generation,
                (SELECT count(*) FROM key_wraps WHERE wrap_id = $2) AS wraps`,
        [strangerId, credential.id],
      );
    const probes: Probe[] = [
      ...routes
        .filter(
          (r) =>
            r.path.includes(':code') &&
            r.rule?.kind === 'signed-in' &&
            r.rule.roles.includes('focal_point'),
        )
        .map((r) => ({
          route: `${r.method} ${r.path}`,
          caller: stranger,
          path: apiPath(`${r.method} ${r.path}`).replace(':code', 'FRA'),
          status: 403,
          type: 'forbidden',
          row: () => rows('SELECT count(*) FROM users WHERE state_code = $1', ['FRA']),
        })),
      {
        route: 'delete /api/v1/me/sessions/:id',
        caller: stranger,
        path: `/me/sessions/${owner.me.session.id}`,
        status: 404,
        type: 'not-found',
        row: sessionRow,
      },
      {
        route: 'patch /api/v1/me/passkeys/:id',
        caller: stranger,
        path: `/me/passkeys/${passkey.id}`,
        body: { name: 'Taken over' },
        status: 404,
        type: 'not-found',
        row: passkeyRow,
      },
      {
        route: 'delete /api/v1/me/passkeys/:id',
        caller: stranger,
        path: `/me/passkeys/${passkey.id}`,
        status: 404,
        type: 'not-found',
        row: passkeyRow,
      },
      {
        route: 'post /api/v1/me/notices/:id/read',
        caller: stranger,
        path: `/me/notices/${notice.id}/read`,
        body: {},
        status: 404,
        type: 'not-found',
        row: () => rows('SELECT read_at FROM notices WHERE id = $1', [notice.id]),
      },
      {
        route: 'post /api/v1/approvals/:id/cancel',
        caller: otherAdmin,
        path: `/approvals/${approval.id}/cancel`,
        body: {},
        status: 403,
        type: 'forbidden',
        row: approvalRow,
      },
      {
        route: 'post /api/v1/approvals/:id/decision',
        caller: requester,
        path: `/approvals/${approval.id}/decision`,
        body: { decision: 'approve' },
        status: 403,
        type: 'two-person-rule',
        row: approvalRow,
      },
      {
        route: 'put /api/v1/keys/me/wraps',
        caller: stranger,
        path: '/keys/me/wraps',
        body: { wrap: await wrapOf(1) },
        status: 422,
        type: 'signature-invalid',
        row: keysRow,
      },
      {
        route: 'put /api/v1/keys/me',
        caller: stranger,
        path: '/keys/me',
        body: { record: next, wraps: [await wrapOf(2)] },
        status: 422,
        type: 'signature-invalid',
        row: keysRow,
      },
    ];
    // Every route that names an id of the caller's own account is probed.
    const probed = new Set(probes.map((p) => p.route));
    const ownIds = routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => /^\w+ \/api\/v1\/me\/.*:\w+/.test(r));
    expect(ownIds.filter((r) => !probed.has(r))).toEqual([]);
    expect(probes.filter((p) => p.route.includes(':code')).length).toBeGreaterThan(0);

    const mismatches: string[] = [];
    for (const probe of probes) {
      const before = await probe.row();
      const reply = await probe.caller.client.call<{ type?: string }>(
        probe.route.split(' ')[0].toUpperCase(),
        probe.path,
        probe.body,
      );
      const answer = `${reply.status} ${reply.body?.type}`;
      if (answer !== `${probe.status} urn:coop:problem:${probe.type}`)
        mismatches.push(`${probe.route}: expected ${probe.status} ${probe.type}, got ${answer}`);
      if (JSON.stringify(await probe.row()) !== JSON.stringify(before))
        mismatches.push(`${probe.route}: changed its row`);
    }
    expect(mismatches).toEqual([]);
  });
});
