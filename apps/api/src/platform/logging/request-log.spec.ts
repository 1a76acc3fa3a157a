import { createTestDatabase, freePort } from '@coop/testing';
import { enrol, TEST_ORIGIN, tokenOf } from '../../../test/identity.harness';
import { launchApi, stopApi, waitUntilReady } from '../../../test/process.harness';

interface RequestLine {
  msg: string;
  requestId: string;
  req: { method: string; path: string };
  clientAddress?: string;
  userId?: string;
  sessionId?: string;
}

describe('the request log', () => {
  jest.setTimeout(90_000);

  it('says who made each request by ids and address only, never by name, e-mail or token', async () => {
    const database = await createTestDatabase();
    const api = launchApi({
      DATABASE_URL: database.url,
      PORT: String(await freePort()),
      PUBLIC_ORIGIN: TEST_ORIGIN,
    });
    try {
      await waitUntilReady(api);
      const link = /http:\/\/localhost:3000\/invite#[A-Za-z0-9_-]{43}/.exec(api.output())?.[0];
      expect(link).toBeDefined();
      const admin = await enrol(api, link ?? '');
      expect((await admin.client.get('/me')).status).toBe(200);
      // Refused before routing (no CSRF header): logged as `request refused`, with the address too.
      const refused = await fetch(`${api.url}/api/v1/auth/sign-out?token=QueryT0kenValue`, {
        method: 'POST',
        headers: { 'X-Request-Id': 'refused-0123456789' },
      });
      expect(refused.status).toBe(403);
      expect((await fetch(`${api.url}/api/v1/no-such-route`)).status).toBe(404);
      await new Promise((r) => setTimeout(r, 200));

      // The bootstrap link is printed once as plain text on purpose; the JSON log lines never carry it.
      const log = api
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const lines = log.map((l) => JSON.parse(l) as RequestLine).filter((l) => l.req !== undefined);
      expect(log.map((l) => JSON.parse(l) as RequestLine)).toContainEqual(
        expect.objectContaining({
          msg: 'request refused',
          requestId: 'refused-0123456789',
          req: { method: 'POST', path: '/api/v1/auth/sign-out' },
          res: { status: 403 },
          clientAddress: '127.0.0.1',
        }),
      );
      const line = (path: string) => lines.find((l) => l.req.path === `/api/v1${path}`);
      expect(line('/me')).toMatchObject({
        clientAddress: '127.0.0.1',
        userId: admin.me.user.id,
        sessionId: admin.me.session.id,
      });
      // Every field of a request line, in the order the lines have always had.
      expect(Object.keys(line('/me') ?? {})).toEqual([
        'level',
        'time',
        'pid',
        'hostname',
        'requestId',
        'req',
        'res',
        'responseTime',
        'clientAddress',
        'userId',
        'sessionId',
        'msg',
      ]);
      expect(line('/me')).toMatchObject({
        level: 30,
        requestId: expect.stringMatching(/^[\w.-]{8,64}$/),
        req: { method: 'GET', path: '/api/v1/me' },
        res: { status: 200 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      });
      expect(line('/no-such-route')).toMatchObject({ level: 40, res: { status: 404 } });
      // Before sign-in there is only an address.
      expect(line('/auth/registration/options')).toMatchObject({ clientAddress: '127.0.0.1' });
      expect(line('/auth/registration/options')).not.toHaveProperty('userId');

      const token = admin.client.cookie?.split('=')[1] ?? '';
      expect(token.length).toBeGreaterThan(20);
      for (const secret of [
        'QueryT0kenValue',
        token,
        tokenOf(link ?? ''),
        admin.me.user.email,
        admin.me.user.displayName,
      ]) {
        expect(log.join('\n')).not.toContain(secret);
      }
    } finally {
      await stopApi(api);
      await database.drop();
    }
  });
});
