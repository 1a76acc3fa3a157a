import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, freePort } from '@coop/testing';
import { launchApi, stopApi, waitUntilReady } from '../test/process.harness';

/** PIDs of postgres servers whose command line names this data folder. */
function postgresProcessesFor(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' })
      .trim()
      .split('\n');
  } catch {
    return [];
  }
}

describe('the API process', () => {
  jest.setTimeout(90_000);

  it('exits 1 naming the variable when the configuration is invalid, without printing secrets', async () => {
    const api = launchApi({
      PORT: String(await freePort()),
      DATABASE_URL: 'mysql://operator:Sup3rSecretPw@db.internal/coop',
      LOG_LEVEL: 'potato',
    });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('DATABASE_URL');
    expect(api.output()).toContain('LOG_LEVEL');
    expect(api.output()).not.toContain('Sup3rSecretPw');
  });

  describe('with no DATABASE_URL (embedded default)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'coop-embedded-'));
    chmodSync(scratch, 0o711); // as root, the server runs as the `postgres` OS user
    const dataDir = join(scratch, 'data');
    const pgDir = join(dataDir, 'pg');
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('starts its own PostgreSQL, keeps data across restarts and leaves no server behind', async () => {
      const env = {
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
      };

      const first = launchApi(env);
      await waitUntilReady(first);
      expect(first.output()).toContain('DATABASE_URL is not set: using the embedded PostgreSQL');

      // The generated password is private to the operator.
      const passwordFile = join(dataDir, 'pg-password');
      expect(readFileSync(passwordFile, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const password = encodeURIComponent(readFileSync(passwordFile, 'utf8').trim());
      const url = `postgresql://postgres:${password}@127.0.0.1:${env.EMBEDDED_PG_PORT}/coop`;
      const client = new Client({ connectionString: url });
      await client.connect();
      // The API signs in as its own role, whose password is kept like the superuser's.
      const { rows: sessions } = await client.query(
        `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'coop' AND application_name = 'coop'`,
      );
      expect(sessions).toEqual([{ usename: 'coop_app' }]);
      expect(statSync(join(dataDir, 'pg-app-password')).mode & 0o777).toBe(0o600);
      expect(first.output()).not.toContain('give the application its own role');
      await client.query('CREATE TABLE restart_probe (note text)');
      await client.query("INSERT INTO restart_probe VALUES ('kept')");
      await client.end();

      expect(await stopApi(first)).toBe(0);
      expect(first.output()).toContain('"msg":"stopped"');
      expect(postgresProcessesFor(pgDir)).toEqual([]);

      const second = launchApi(env);
      await waitUntilReady(second);
      const again = new Client({ connectionString: url });
      await again.connect();
      const { rows } = await again.query('SELECT note FROM restart_probe');
      await again.end();
      expect(rows).toEqual([{ note: 'kept' }]);
      expect(await stopApi(second)).toBe(0);
      expect(postgresProcessesFor(pgDir)).toEqual([]);
    });
  });

  it('uses the server named by DATABASE_URL and never starts its own', async () => {
    const database = await createTestDatabase('empty');
    const dataDir = join(tmpdir(), `coop-unused-${Date.now()}`);
    const api = launchApi({
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    try {
      await waitUntilReady(api);
      expect(existsSync(dataDir)).toBe(false);
      expect(api.output()).toContain('using the PostgreSQL server named by DATABASE_URL');
      // A database with no Registry admin gets one bootstrap link, printed once.
      expect(api.output()).toMatch(
        /No Registry admin exists yet[\s\S]*http:\/\/localhost:\d+\/invite#[A-Za-z0-9_-]{43}/,
      );
      expect(api.output()).not.toContain('give the application its own role');
      expect(await stopApi(api)).toBe(0);
      // One URL for both, as before DATABASE_OWNER_URL existed: it works, and the operator is told.
      const again = launchApi({ DATABASE_URL: database.url, PORT: String(await freePort()) });
      await waitUntilReady(again);
      expect(await stopApi(again)).toBe(0);
      expect(again.output()).not.toContain('No Registry admin exists yet');
      expect(again.output()).toMatch(
        /"problem":"postgres is a superuser".*give the application its own role/,
      );
    } finally {
      api.child.kill('SIGTERM');
      await database.drop();
    }
  });

  it('logs one JSON line per request with its request id, and no headers, query strings or bodies', async () => {
    const database = await createTestDatabase();
    const api = launchApi({ DATABASE_URL: database.appUrl, PORT: String(await freePort()) });
    try {
      await waitUntilReady(api);
      const res = await fetch(`${api.url}/api/v1/unknown?token=QueryT0kenValue`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Cookie: '__Host-coop-session=CookieS3cretValue',
          Authorization: 'Bearer AuthzS3cretValue',
          'X-Request-Id': 'trace-0123456789',
          'X-Coop-Csrf': '1',
        },
        body: JSON.stringify({ email: 'person@example.org' }),
      });
      expect(res.headers.get('x-request-id')).toBe('trace-0123456789');
      await new Promise((r) => setTimeout(r, 200));
      const lines = api
        .output()
        .split('\n')
        .filter((l) => l.includes('trace-0123456789'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const entry = JSON.parse(line) as { requestId: string };
        expect(entry.requestId).toBe('trace-0123456789');
      }
      for (const secret of [
        'QueryT0kenValue',
        'CookieS3cretValue',
        'AuthzS3cretValue',
        'person@example.org',
      ]) {
        expect(api.output()).not.toContain(secret);
      }
    } finally {
      await stopApi(api);
      await database.drop();
    }
  });
});
