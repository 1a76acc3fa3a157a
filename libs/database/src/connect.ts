import { startEmbeddedCluster, type RunningCluster } from './embedded-cluster';

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
}

/** DATABASE_URL when given; otherwise the embedded cluster kept under the data folder. */
export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<DatabaseTarget> {
  if (options.databaseUrl) return { url: options.databaseUrl, mode: 'external' };
  const embedded = await startEmbeddedCluster({
    dataDir: options.dataDir,
    port: options.embeddedPort,
    durability: 'durable',
    onLog: options.onLog,
  });
  return { url: embedded.url, mode: 'embedded', embedded };
}
