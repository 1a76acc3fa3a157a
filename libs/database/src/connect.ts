import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { appRoleUrl, ensureAppRole } from './app-role';
import { readOrCreatePassword } from './secret-file';
import { startEmbeddedCluster, type RunningCluster, type Supervision } from './embedded-cluster';

export const EMBEDDED_DATABASE = 'coop';

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export interface DatabaseTarget {
  /** The application's connection: a role that reads and writes rows and owns nothing. */
  url: string;
  /** The schema owner's connection, for migrations and operator tools. */
  ownerUrl: string;
  mode: 'embedded' | 'external';
  /** Present when this process started the embedded cluster and must stop it. */
  embedded?: RunningCluster;
}

export interface ResolveDatabaseOptions {
  databaseUrl?: string;
  /** With databaseUrl: the schema owner; without it, databaseUrl serves both. */
  ownerUrl?: string;
  dataDir: string;
  embeddedPort: number;
  onLog?: (line: string) => void;
  onNotice?: (line: string) => void;
  /** Restart the embedded server if it dies; long-running owners (the API) pass this. */
  supervise?: Supervision;
}

/** DATABASE_URL (and DATABASE_OWNER_URL) when given; otherwise the embedded cluster kept under the data folder. */
export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<DatabaseTarget> {
  if (options.databaseUrl) {
    return {
      url: options.databaseUrl,
      ownerUrl: options.ownerUrl ?? options.databaseUrl,
      mode: 'external',
    };
  }
  const embedded = await startEmbeddedCluster({
    dataDir: options.dataDir,
    port: options.embeddedPort,
    durability: 'durable',
    onLog: options.onLog,
    onNotice: options.onNotice,
    supervise: options.supervise,
  });
  let appPassword: string;
  try {
    // The platform's data lives in its own database, not in the `postgres` maintenance one.
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
    // The superuser owns the schema and migrates it; the application signs in as its own role.
    appPassword = await readOrCreatePassword(join(resolve(options.dataDir), 'pg-app-password'));
    await ensureAppRole(embedded.url, appPassword);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const ownerUrl = embedded.urlFor(EMBEDDED_DATABASE);
  return { url: appRoleUrl(ownerUrl, appPassword), ownerUrl, mode: 'embedded', embedded };
}
