import { createTestDatabase, runCli, type TestDatabase } from '@coop/testing';
import { Client } from 'pg';

function failureOf(run: () => unknown): { status?: number; stdout?: string; stderr?: string } {
  try {
    run();
  } catch (error) {
    return error as { status?: number; stdout?: string; stderr?: string };
  }
  throw new Error('expected the command to fail');
}

describe('coop CLI', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase('empty');
  });
  afterAll(() => empty.drop());

  it('migrates an empty database as the owner named by DATABASE_OWNER_URL, then finds nothing to do', () => {
    // The application's role cannot create the schema; the owner can, with the app's URL beside it.
    expect(failureOf(() => runCli(['migrate'], { DATABASE_URL: empty.appUrl })).stderr).toMatch(
      /permission denied for schema public/,
    );
    expect(
      runCli(['migrate'], { DATABASE_URL: empty.appUrl, DATABASE_OWNER_URL: empty.url }),
    ).toMatch(/^applied IdentityAndAudit\d+/m);
    expect(runCli(['migrate'], { DATABASE_URL: empty.url })).toBe(
      'database schema is up to date\n',
    );
  });

  it('seeds the States Parties with four-language names', async () => {
    const client = new Client({ connectionString: empty.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT names->>'ar' AS ar, regional_group FROM states WHERE code = 'SEN'`,
    );
    const [{ count }] = (
      await client.query(
        `SELECT count(*)::int AS count FROM states WHERE withdrawal_effective IS NULL`,
      )
    ).rows;
    await client.end();
    expect(rows).toEqual([{ ar: 'السنغال', regional_group: 'african' }]);
    expect(count).toBeGreaterThanOrEqual(124);
  });

  it('doctor reports the configuration and database, masking secrets', () => {
    const out = runCli(['doctor'], { DATABASE_URL: empty.url });
    expect(out).toMatch(/^ok {3}configuration/m);
    expect(out).toMatch(/^ok {3}database: external PostgreSQL \d+/m);
    expect(out).toMatch(/^ok {3}migrations: schema up to date/m);
    expect(out).toContain('DATABASE_URL=***');
    expect(out).not.toContain(new URL(empty.url).password);
  });

  it('doctor exits 1 on a bad setting', () => {
    const failure = failureOf(() =>
      runCli(['doctor'], { DATABASE_URL: empty.url, PORT: 'eighty' }),
    );
    expect(failure.status).toBe(1);
    expect(failure.stdout).toMatch(/FAIL configuration: PORT/);
  });

  it('bootstrap-admin prints a one-time link', () => {
    const out = runCli(['bootstrap-admin', '--name', 'Ada Admin', '--email', 'ada@example.org'], {
      DATABASE_URL: empty.url,
      PUBLIC_ORIGIN: 'https://coop.example.org',
    });
    expect(out).toMatch(/https:\/\/coop\.example\.org\/invite#[A-Za-z0-9_-]{43}/);
  });

  it('audit verify confirms an intact chain', () => {
    expect(runCli(['audit', 'verify'], { DATABASE_URL: empty.url })).toMatch(
      /^audit log intact: \d+ entries/,
    );
  });

  it('names unknown commands', () => {
    const failure = failureOf(() => runCli(['frobnicate']));
    expect(failure.status).not.toBe(0);
    expect(failure.stderr).toContain("unknown command 'frobnicate'");
  });
});
