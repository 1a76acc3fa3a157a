import request from 'supertest';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../../../test/app.harness';

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe("the application's database role", () => {
  let t: TestApp;
  let app: Client;
  let owner: Client;
  beforeAll(async () => {
    t = await startTestApp();
    app = await connect(t.database.appUrl);
    owner = await connect(t.database.url);
  });
  afterAll(async () => {
    await app.end();
    await owner.end();
    await t.close();
  });

  it('is what the API signs in as, and is no superuser and owns nothing', async () => {
    await request(t.url).get('/api/v1/health/ready').expect(200);
    const { rows: sessions } = await owner.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'coop'`,
      [t.database.name],
    );
    expect(sessions).toEqual([{ usename: 'coop_app' }]);
    const { rows } = await owner.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS relations,
              (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
              (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS functions,
              (SELECT count(*)::int FROM pg_database WHERE datdba = r.oid) AS databases
         FROM pg_roles r WHERE r.rolname = 'coop_app'`,
    );
    expect(rows).toEqual([
      {
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        relations: 0,
        schemas: 0,
        functions: 0,
        databases: 0,
      },
    ]);
  });

  it.each([
    ['disable the audit triggers', 'ALTER TABLE audit_log DISABLE TRIGGER ALL', /must be owner/],
    ['drop an audit trigger', 'DROP TRIGGER audit_log_no_change ON audit_log', /must be owner/],
    ['rewrite an audit entry', `UPDATE audit_log SET action = 'x'`, /permission denied/],
    ['delete audit entries', 'DELETE FROM audit_log', /permission denied/],
    ['empty the audit log', 'TRUNCATE audit_log', /permission denied/],
    ['replay rows without triggers', 'SET session_replication_role = replica', /permission denied/],
    ['create a table', 'CREATE TABLE planted (note text)', /permission denied/],
    ['alter a table', 'ALTER TABLE users ADD COLUMN planted text', /must be owner/],
    [
      'mark a migration as applied',
      `INSERT INTO schema_migrations (timestamp, name) VALUES (1, 'Planted1')`,
      /permission denied/,
    ],
    ['forget the migrations', 'DELETE FROM schema_migrations', /permission denied/],
  ])('cannot %s', async (_what, statement, refusal) => {
    await expect(app.query(statement)).rejects.toThrow(refusal);
  });

  it('still reads and appends to the audit log, and reads which migrations ran', async () => {
    // Granting what it lacks is only a warning: "no privileges were granted".
    await app.query('GRANT UPDATE, DELETE, TRUNCATE ON audit_log, schema_migrations TO coop_app');
    const { rows } = await app.query(
      `SELECT privilege, has_table_privilege('audit_log', privilege) AS audit,
              has_table_privilege('schema_migrations', privilege) AS migrations
         FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS privilege`,
    );
    expect(rows).toEqual([
      { privilege: 'SELECT', audit: true, migrations: true },
      { privilege: 'INSERT', audit: true, migrations: false },
      { privilege: 'UPDATE', audit: false, migrations: false },
      { privilege: 'DELETE', audit: false, migrations: false },
      { privilege: 'TRUNCATE', audit: false, migrations: false },
    ]);
  });

  it('gets read and write on tables the owner creates in later migrations', async () => {
    await owner.query(
      'CREATE TABLE later_feature (id int GENERATED ALWAYS AS IDENTITY, note text)',
    );
    await app.query(`INSERT INTO later_feature (note) VALUES ('written')`);
    await app.query(`UPDATE later_feature SET note = 'changed'`);
    const { rows } = await app.query('SELECT note FROM later_feature');
    expect(rows).toEqual([{ note: 'changed' }]);
    await app.query('DELETE FROM later_feature');
    await expect(app.query('DROP TABLE later_feature')).rejects.toThrow(/must be owner/);
  });
});
