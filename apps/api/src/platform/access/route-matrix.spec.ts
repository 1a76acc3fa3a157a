import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@coop/contracts';
import { Clock } from '../clock';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { discoverRoutes } from '../../../test/routes.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  signIn,
  TEST_ORIGIN,
  type Person,
} from '../../../test/identity.harness';
import { ACCESS_RULE, type AccessRule } from './access.decorator';

/** A route as Nest registered it, with the access rule its handler declares. */
interface Route {
  method: string;
  /** Express syntax, e.g. /api/v1/users/:id */
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

interface ExpressLayer {
  route?: {
    path: string;
    methods: Record<string, boolean>;
    stack: { handle: { name: string } }[];
  };
}

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
function outcomeFor(
  rule: AccessRule,
  principal: Principal | null,
  params: Record<string, string>,
  fresh: boolean,
): Outcome {
  if (rule.kind === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  const held = rule.roles.filter((role) => principal.roles.includes(role));
  if (rule.roles.length > 0 && held.length === 0) return 'forbidden';
  if (
    rule.ownStateParam &&
    held.every((role) => role === 'focal_point') &&
    params[rule.ownStateParam] !== principal.stateCode
  ) {
    return 'forbidden';
  }
  if (rule.stepUp && !fresh) return 'step-up-required';
  return 'allowed';
}

/** Placeholder parameters: each State code a focal point might name, random ids otherwise. */
function parameterSets(path: string): Record<string, string>[] {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const codes = names.includes('code') ? ['SEN', 'FRA'] : [''];
  return codes.map((code) =>
    Object.fromEntries(names.map((n) => [n, n === 'code' ? code : randomUUID()])),
  );
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(params[name]));

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
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const served = new Set<string>();
    const unexpected: string[] = [];
    for (const { route } of express.router.stack) {
      if (!route) continue; // plain middleware, not a route
      const methods = Object.keys(route.methods).filter((m) => route.methods[m]);
      const middlewareBinding =
        methods.length > 20 && ['/api/v1', '/api/v1/{*path}'].includes(route.path);
      const documentation = route.path.startsWith('/api/docs') && methods.every((m) => m === 'get');
      if (middlewareBinding || documentation) continue;
      for (const method of methods) {
        const key = `${method} ${route.path}`;
        served.add(key);
        if (!known.has(key)) unexpected.push(key);
      }
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
          const named =
            role === 'focal_point' && rule.ownStateParam
              ? access.includes(`own-state(${rule.ownStateParam})`)
              : access.includes(role);
          if (!named) problems.push(`${where}: x-access "${access}" does not name ${role}`);
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
      for (const params of parameterSets(route.path)) {
        const path = fill(route.path, params);
        for (const principal of [null, ...principals]) {
          const expected = outcomeFor(route.rule, principal, params, true);
          const { status, type } = await call(
            t,
            route.method,
            path,
            principal?.person.client.cookie,
          );
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
        for (const params of parameterSets(route.path)) {
          const path = fill(route.path, params);
          for (const principal of [null, ...principals]) {
            const expected = outcomeFor(route.rule, principal, params, false);
            const { status, type } = await call(
              t,
              route.method,
              path,
              principal?.person.client.cookie,
            );
            const wrong = verdict(expected, status, type);
            if (wrong)
              mismatches.push(
                `${route.method} ${path} as ${principal?.name ?? 'nobody'}: ${wrong}`,
              );
          }
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(mismatches).toEqual([]);
    // Every allowed role met the step-up wall at least once: the stale pass tested something.
    for (const principal of principals) {
      const walled = sensitive.some(
        (r) =>
          r.rule && outcomeFor(r.rule, principal, { code: 'SEN' }, false) === 'step-up-required',
      );
      expect({ principal: principal.name, walled }).toEqual({
        principal: principal.name,
        walled: true,
      });
    }
  });
});
