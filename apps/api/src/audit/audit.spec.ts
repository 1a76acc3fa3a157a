import { runCli } from '@coop/testing';
import type { AuditEntry, Passkey } from '@coop/contracts';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../../test/app.harness';
import {
  bootstrapAdmin,
  IDENTITY_ENV,
  invitePerson,
  stepUp,
  type Person,
} from '../../test/identity.harness';
import { Clock } from '../platform/clock';
import { AuditService } from './audit.service';

describe('hash-chained audit log', () => {
  let t: TestApp;
  let admin: Person;
  /** As the schema owner: the application's own role cannot even try what these tests do. */
  let owner: DataSource;
  beforeAll(async () => {
    t = await startTestApp(IDENTITY_ENV);
    admin = await bootstrapAdmin(t);
    owner = await new DataSource({ type: 'postgres', url: t.database.url }).initialize();
  });
  afterAll(async () => {
    await owner.destroy();
    await t.close();
  });

  it('records security events without secrets', async () => {
    const person = await invitePerson(t, admin, ['focal_point'], 'SEN');
    const { body } = await admin.client.get<{ entries: AuditEntry[] }>(
      `/audit?actorId=${person.me.user.id}`,
    );
    expect(body.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['invitation.redeemed', 'passkey.added', 'auth.signed_in']),
    );
    const all = JSON.stringify(
      (await admin.client.get<{ entries: AuditEntry[] }>('/audit?limit=500')).body,
    );
    expect(all).not.toMatch(/coop-session=|#[A-Za-z0-9_-]{43}/);
  });

  it('filters by action and State, pages with a cursor, and exports JSON Lines after step-up', async () => {
    const sen = await admin.client.get<{ entries: AuditEntry[] }>(
      '/audit?stateCode=SEN&action=invitation.issued',
    );
    expect(sen.body.entries.length).toBeGreaterThan(0);
    expect(
      sen.body.entries.every((e) => e.stateCode === 'SEN' && e.action === 'invitation.issued'),
    ).toBe(true);
    const page = await admin.client.get<{ entries: AuditEntry[]; nextCursor: string | null }>(
      '/audit?limit=2',
    );
    expect(page.body.entries).toHaveLength(2);
    const next = await admin.client.get<{ entries: AuditEntry[] }>(
      `/audit?limit=2&before=${page.body.nextCursor}`,
    );
    expect(BigInt(next.body.entries[0].seq)).toBeLessThan(BigInt(page.body.entries[1].seq));

    await stepUp(admin);
    const res = await fetch(`${t.url}/api/v1/audit/export?stateCode=SEN`, {
      headers: { Cookie: admin.client.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((e) => e.stateCode === 'SEN')).toBe(true);
  });

  it('dates each entry by the application clock, not the host or database time', async () => {
    const [passkey] = (await admin.client.get<Passkey[]>('/me/passkeys')).body;
    const at = new Date(Date.now() + 7 * 60_000);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(at));
    try {
      const renamed = await admin.client.patch(`/me/passkeys/${passkey.id}`, { name: 'Later key' });
      expect(renamed.status).toBe(200);
    } finally {
      clock.mockRestore();
    }
    const { body } = await admin.client.get<{ entries: AuditEntry[] }>(
      `/audit?action=passkey.renamed&actorId=${admin.me.user.id}`,
    );
    expect(body.entries.map((e) => e.at)).toEqual([at.toISOString()]);
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true });
  });

  it('stays one linear chain under concurrent appends', async () => {
    const audit = t.app.get(AuditService);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        audit.record({ action: 'audit.exported', actorId: null, details: { i } }),
      ),
    );
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, even to the owner', async () => {
    await expect(owner.query(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(owner.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('names the first tampered entry in `coop audit verify`', async () => {
    expect(
      runCli(['audit', 'verify'], { DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' }),
    ).toMatch(/^audit log intact/);
    // Someone with superuser access bypasses the trigger and edits one row.
    const [{ seq }] = (await owner.query(
      `SELECT seq FROM audit_log WHERE action = 'passkey.added' ORDER BY seq LIMIT 1`,
    )) as { seq: string }[];
    await owner.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(
        `UPDATE audit_log SET details = details || '{"deviceType":"forged"}' WHERE seq = $1`,
        [seq],
      );
    });
    let failure: { status?: number; stdout?: string } = {};
    try {
      runCli(['audit', 'verify'], { DATABASE_URL: t.database.url, LOG_LEVEL: 'silent' });
    } catch (error) {
      failure = error as { status?: number; stdout?: string };
    }
    expect(failure.status).toBe(1);
    expect(failure.stdout).toContain(
      `audit log BROKEN at entry ${seq}: its content does not match its hash`,
    );
  });
});
