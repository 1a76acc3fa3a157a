import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { bootstrapAdmin, IDENTITY_ENV, stepUp, TEST_ORIGIN } from '../../../test/identity.harness';
import { discoverRoutes } from '../../../test/routes.harness';

interface Answer {
  route: string;
  status: number;
  cacheControl: string | null;
}

const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_m, name: string) => (name === 'code' ? 'SEN' : randomUUID()));

async function call(t: TestApp, method: string, path: string, cookie?: string): Promise<Answer> {
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const res = await fetch(`${t.url}${fill(path)}`, {
    method,
    headers: {
      Origin: TEST_ORIGIN,
      'X-Coop-Csrf': '1',
      ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: hasBody ? '{}' : undefined,
  });
  await res.arrayBuffer();
  return {
    route: `${method} ${path}`,
    status: res.status,
    cacheControl: res.headers.get('cache-control'),
  };
}

describe('API answers are never stored by a browser or proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
  });
  afterAll(() => t.close());

  it('sends Cache-Control: no-store on every route, for the signed-in and for anonymous callers', async () => {
    const admin = await bootstrapAdmin(t);
    await stepUp(admin);
    const routes = discoverRoutes(t)
      .map((r) => ({ method: RequestMethod[r.method], path: r.path }))
      // Signing out would end the session the other calls use.
      .sort((a, b) => Number(a.path.endsWith('/sign-out')) - Number(b.path.endsWith('/sign-out')));
    expect(routes.length).toBeGreaterThan(40);

    const answers: Answer[] = [];
    for (const { method, path } of routes) {
      answers.push(await call(t, method, path, admin.client.cookie));
      answers.push(await call(t, method, path));
    }
    expect(answers.filter((a) => a.cacheControl !== 'no-store')).toEqual([]);
    // The answers that leaked in a browser's disk cache were successful reads.
    const read = answers.filter((a) => a.status === 200).map((a) => a.route);
    expect(read).toEqual(
      expect.arrayContaining([
        'GET /api/v1/users',
        'GET /api/v1/me',
        'GET /api/v1/keys/me',
        'GET /api/v1/keys/me/wraps',
      ]),
    );
    const unknown = await call(t, 'GET', '/api/v1/no-such-route', admin.client.cookie);
    expect(unknown).toMatchObject({ status: 404, cacheControl: 'no-store' });
  });

  it('tells the browser to drop its cache when the user signs out', async () => {
    const admin = await bootstrapAdmin(t, 'Second Admin', 'second.admin@example.org');
    const res = await admin.client.post('/auth/sign-out');
    expect(res.status).toBe(204);
    expect(res.headers.get('clear-site-data')).toBe('"cache"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
