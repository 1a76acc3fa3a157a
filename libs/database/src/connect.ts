import { Client } from 'pg';
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
  url: string;
  mode: 'embedded' | 'external';
  /** Present when this process started the embedded cluster and must stop it. */
  embedded?: RunningCluster;
}

export interface ResolveDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  embeddedPort: number;
  onLog?: (line: string) => void;
  onNotice?: (line: string) => void;
  /** Restart the embedded server if it dies; long-running owners (the API) pass this. */
  supervise?: Supervision;
}

/** DATABASE_URL when given; otherwise the embedded cluster kept under the data folder. */
export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<DatabaseTarget> {
  if (options.databaseUrl) return { url: options.databaseUrl, mode: 'external' };
  const embedded = await startEmbeddedCluster({
    dataDir: options.dataDir,
    port: options.embeddedPort,
    durability: 'durable',
    onLog: options.onLog,
    onNotice: options.onNotice,
    supervise: options.supervise,
  });
  // The platform's data lives in its own database, not in the `postgres` maintenance one.
  await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  return { url: embedded.urlFor(EMBEDDED_DATABASE), mode: 'embedded', embedded };
}
