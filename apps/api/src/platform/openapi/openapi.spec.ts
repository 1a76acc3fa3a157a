import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/app.harness';

type Operation = { 'x-access'?: string };
type Documented = Record<string, Record<string, OperationShape>>;
interface OperationShape {
  'x-access': string;
  'x-step-up'?: boolean;
  security: Record<string, string[]>[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}
interface Components {
  schemas: Record<string, { properties?: Record<string, unknown> }>;
  responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
  securitySchemes: Record<string, { type: string; in: string; name: string; description: string }>;
}

const operationsOf = (paths: Documented) =>
  Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ path, method, operation })),
  );

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists every route with its access rule', async () => {
    const res = await request(t.url).get('/api/docs/openapi.json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, Operation>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/health/live', '/api/v1/health/ready', '/api/v1/metrics']),
    );
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect({ path, method, access: operation['x-access'] }).toEqual({
          path,
          method,
          access: expect.any(String),
        });
      }
    }
  });

  it('gives every success answer of every operation a schema', async () => {
    const res = await request(t.url).get('/api/docs/openapi.json').expect(200);
    const paths = res.body.paths as Documented;
    const schemas = (res.body.components as Components).schemas;
    const missing: string[] = [];
    let answers = 0;
    for (const { path, method, operation } of operationsOf(paths)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) missing.push(`${method} ${path} ${status}`);
        for (const [, { schema }] of content) {
          const ref = JSON.stringify(schema).match(/#\/components\/schemas\/(\w+)/)?.[1];
          if (!ref || !schemas[ref]) missing.push(`${method} ${path} ${status}: ${ref}`);
          answers += 1;
        }
      }
    }
    expect(missing).toEqual([]);
    expect(answers).toBeGreaterThan(50);
  });

  it('declares the session cookie and the CSRF header, and requires the header on every state-changing operation', async () => {
    const res = await request(t.url).get('/api/docs/openapi.json').expect(200);
    const { securitySchemes } = res.body.components as Components;
    expect(securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: '__Host-coop-session',
    });
    expect(securitySchemes.csrf).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'x-coop-csrf',
    });
    expect(securitySchemes.csrf.description).toContain('`x-coop-csrf: 1`');
    expect(securitySchemes.csrf.description).toContain('Origin');
    expect(securitySchemes.csrf.description).toContain('Sec-Fetch-Site');
    const wrong: string[] = [];
    for (const { path, method, operation } of operationsOf(res.body.paths as Documented)) {
      const [requirement, ...others] = operation.security;
      const names = Object.keys(requirement ?? {}).sort();
      const expected = [
        ...(method === 'get' ? [] : ['csrf']),
        ...(operation['x-access'] === 'public' ? [] : ['session']),
      ];
      if (others.length > 0 || names.join() !== expected.join())
        wrong.push(`${method} ${path}: ${JSON.stringify(operation.security)}`);
      if (operation['x-access'].endsWith('+ step-up') !== (operation['x-step-up'] === true))
        wrong.push(`${method} ${path}: x-step-up ${operation['x-step-up']}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers failures with one shared Problem schema', async () => {
    const res = await request(t.url).get('/api/docs/openapi.json').expect(200);
    const components = res.body.components as Components;
    expect(Object.keys(components.schemas.Problem.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail']),
    );
    const wrong: string[] = [];
    for (const { path, method, operation } of operationsOf(res.body.paths as Documented)) {
      expect(operation.responses.default).toBeDefined();
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^2\d\d$/.test(status)) continue;
        const shared = components.responses[(response.$ref ?? '').split('/').pop() ?? ''];
        if (
          shared?.content['application/problem+json'].schema.$ref !== '#/components/schemas/Problem'
        )
          wrong.push(`${method} ${path} ${status}`);
      }
      if (operation['x-access'] !== 'public' && !operation.responses['401'])
        wrong.push(`${method} ${path}: no 401`);
    }
    expect(wrong).toEqual([]);
  });

  it('serves a browsable UI', async () => {
    const res = await request(t.url).get('/api/docs').expect(200);
    expect(res.text).toContain('swagger');
  });
});
