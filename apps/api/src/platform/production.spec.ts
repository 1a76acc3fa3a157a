import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, freePort, type TestDatabase } from '@coop/testing';
import { launchApi, stopApi, waitUntilReady, type ApiProcess } from '../../test/process.harness';

/** What an anonymous visitor can learn of a production deployment beyond the app itself. */
describe('a production deployment', () => {
  jest.setTimeout(90_000);
  const web = mkdtempSync(join(tmpdir(), 'coop-web-'));
  let database: TestDatabase;
  let api: ApiProcess;

  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Coop</title>');
    writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1);\n');
    writeFileSync(join(web, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["a.ts"]}');
    database = await createTestDatabase();
    api = launchApi({
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      WEB_DIST: web,
      HARDENED_ROLES: '',
    });
    await waitUntilReady(api);
  });
  afterAll(async () => {
    await stopApi(api);
    await database.drop();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the OpenAPI document but not the interactive explorer', async () => {
    const explorer = await fetch(`${api.url}/api/docs`);
    expect(explorer.status).toBe(404);
    expect(await explorer.text()).not.toMatch(/swagger/i);
    const document = await fetch(`${api.url}/api/docs/openapi.json`);
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('serves the bundles but not their source maps', async () => {
    expect((await fetch(`${api.url}/assets/index-abc123.js`)).status).toBe(200);
    const map = await fetch(`${api.url}/assets/index-abc123.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('"sources"');
  });

  it('says it is ready, and not which version runs or where its database is', async () => {
    const ready = await fetch(`${api.url}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { database: Record<string, unknown> };
    expect(body).toEqual({
      status: 'ready',
      database: { status: 'up', latencyMs: expect.any(Number) },
    });
    expect(JSON.stringify(body)).not.toMatch(/version|embedded|external|mode/);
  });
});
