import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { appRoleUrl } from '@coop/database';

export const TEMPLATE_DATABASE = 'coop_template';
export const TEST_ADMIN_URL_ENV = 'COOP_TEST_ADMIN_URL';
export const TEST_APP_PASSWORD_ENV = 'COOP_TEST_APP_PASSWORD';

export interface TestDatabase {
  /** As the admin who owns the schema: for migrating, and for tests that plant data directly. */
  readonly url: string;
  /** As the application's role, the way the API signs in. */
  readonly appUrl: string;
  readonly name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  if (process.env.NODE_ENV !== 'test') {
    throw new Error('Test databases are only created with NODE_ENV=test.');
  }
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url)
    throw new Error(`${TEST_ADMIN_URL_ENV} is not set: is the jest globalSetup configured?`);
  return url;
}

async function withAdmin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database cloned from the migrated template (each test file gets its own), or an empty
 * one with no schema at all for tests that migrate from nothing.
 */
export async function createTestDatabase(
  from: 'template' | 'empty' = 'template',
): Promise<TestDatabase> {
  const name = `coop_test_${randomBytes(6).toString('hex')}`;
  const template = from === 'template' ? ` TEMPLATE ${TEMPLATE_DATABASE}` : '';
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}${template}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const appPassword = process.env[TEST_APP_PASSWORD_ENV];
  if (!appPassword) throw new Error(`${TEST_APP_PASSWORD_ENV} is not set by the jest globalSetup`);
  return {
    url: url.toString(),
    appUrl: appRoleUrl(url.toString(), appPassword),
    name,
    drop: async () => {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
