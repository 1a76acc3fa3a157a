import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { problemSchema } from '@coop/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../../app.factory';
import { Clock } from '../clock';
import { startTestApp, type TestApp } from '../../../test/app.harness';
import { ApiClient, IDENTITY_ENV, type Reply } from '../../../test/identity.harness';

const LIMIT = 6;
const TOKEN = 'A'.repeat(43);

/** The public ceremonies, each called as a client would (valid or not, every call counts). */
const CEREMONIES: [string, unknown][] = [
  ['/auth/sign-in/options', {}],
  ['/auth/invitation', { token: TOKEN }],
  ['/auth/registration/options', { token: TOKEN }],
  ['/auth/sign-in/verify', { response: {} }],
  ['/auth/registration/verify', { token: TOKEN }],
];

function expectLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(reply.body);
  expect(problem.type).toBe('urn:coop:problem:too-many-requests');
  expect(problem.detail).toMatch(/Try again in \d+ seconds/);
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('the sign-in rate limit, shared by every route and every API instance', () => {
  let first: TestApp;
  let second: NestFastifyApplication;
  let clients: ApiClient[];
  let offsetMs = 0;

  /** Both instances' clocks, moved together: a fresh window for each test. */
  const nextWindow = () => {
    offsetMs += 120_000;
    for (const app of [first.app, second]) {
      jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    }
  };
  const call = (i: number) => {
    const [path, body] = CEREMONIES[i % CEREMONIES.length];
    return clients[i % clients.length].post(path, body);
  };

  beforeAll(async () => {
    first = await startTestApp({ ...IDENTITY_ENV, AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
    second = await createApp(first.config, first.database.url);
    await second.listen(0, '127.0.0.1');
    const secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
    clients = [new ApiClient(first.url), new ApiClient(secondUrl)];
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await second.close();
    await first.close();
  });

  it('allows one client address the limit in total across the five ceremonies and two instances', async () => {
    nextWindow();
    for (let i = 0; i < LIMIT; i++) {
      expect({ i, status: (await call(i)).status }).not.toEqual({ i, status: 429 });
    }
    // Every route on either instance is now spent, not just the ones called most.
    for (let i = LIMIT; i < LIMIT + CEREMONIES.length * clients.length; i++) {
      expectLimited(await call(i));
    }
    // Health and the signed-in routes are outside the authentication surface.
    expect((await clients[1].get('/health/live')).status).toBe(200);
    expect((await clients[0].post('/auth/step-up/options')).status).toBe(401);
  });

  it('loses no hit when the requests arrive at once on both instances', async () => {
    nextWindow();
    const replies = await Promise.all(Array.from({ length: 4 * LIMIT }, (_, i) => call(i)));
    expect(replies.filter((r) => r.status !== 429)).toHaveLength(LIMIT);
  });

  it('opens a new allowance once the window has passed, and forgets windows that have', async () => {
    nextWindow();
    for (let i = 0; i < LIMIT; i++) await call(i);
    expectLimited(await call(LIMIT));
    const db = first.app.get(DataSource);
    await db.query(
      `INSERT INTO "rate_limit_hits" ("bucket", "key", "window_start", "count") VALUES ('auth', 'stale', now() - interval '1 day', 3)`,
    );
    nextWindow();
    expect((await clients[1].post('/auth/sign-in/options')).status).toBe(200);
    expect((await clients[0].post('/auth/sign-in/options')).status).toBe(200);
    const rows = (await db.query(`SELECT "key", "count" FROM "rate_limit_hits"`)) as {
      key: string;
      count: number;
    }[];
    expect(rows).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{64}$/), count: 2 }]);
  });
});
