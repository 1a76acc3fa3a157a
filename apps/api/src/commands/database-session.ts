import { loadConfig, type AppConfig } from '@coop/config';
import { dataSourceOptions, resolveDatabase, type DatabaseTarget } from '@coop/database';
import { DataSource } from 'typeorm';

export interface DatabaseSession {
  config: AppConfig;
  target: DatabaseTarget;
  dataSource: DataSource;
}

/**
 * Opens the database the API would use (DATABASE_URL, or the embedded cluster under DATA_DIR,
 * which must not be running in another process) as the schema owner (DATABASE_OWNER_URL when
 * set), runs the work and always closes everything.
 */
export async function withDatabase<T>(work: (session: DatabaseSession) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const target = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    ownerUrl: config.DATABASE_OWNER_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
  });
  const dataSource = new DataSource({
    ...dataSourceOptions({ url: target.ownerUrl, poolSize: 2, applicationName: 'coop-cli' }),
  });
  try {
    await dataSource.initialize();
    return await work({ config, target, dataSource });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await target.embedded?.stop();
  }
}
