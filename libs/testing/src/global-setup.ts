import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureAppRole, startEmbeddedCluster, type RunningCluster } from '@coop/database';
import { TEMPLATE_DATABASE, TEST_ADMIN_URL_ENV, TEST_APP_PASSWORD_ENV } from './test-database';
import { freePort } from './free-port';
import { migrateWithCli } from './cli-runner';

declare global {
  var __coopTestCluster: { cluster: RunningCluster; scratch: string } | undefined;
}

/**
 * One PostgreSQL per test run: the embedded one (fsync off) unless TEST_DATABASE_URL names a
 * server to use instead. Migrations are applied once, into a template every test file clones
 * (grants included). The application's role is cluster-wide, so it is made first; the API under
 * test signs in with it, and the harness keeps the admin URL for itself.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const scratch = mkdtempSync(join(tmpdir(), 'coop-test-pg-'));
    chmodSync(scratch, 0o711); // the server may run as the `postgres` OS user
    const cluster = await startEmbeddedCluster({
      dataDir: join(scratch, 'cluster'),
      port: await freePort(),
      durability: 'volatile',
    });
    globalThis.__coopTestCluster = { cluster, scratch };
    adminUrl = cluster.url;
  }
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  const appPassword = randomBytes(18).toString('base64url');
  await ensureAppRole(adminUrl, appPassword);
  process.env[TEST_APP_PASSWORD_ENV] = appPassword;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  migrateWithCli(templateUrl.toString());
}
