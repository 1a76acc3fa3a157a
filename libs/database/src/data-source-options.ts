import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SnakeNamingStrategy } from './naming-strategy';

/** The repository's `migrations/` folder, the same relative place in sources and in `dist/`. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', 'migrations', '*.{ts,js}');

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  /** Entity classes or globs; the API passes its own, tools that only migrate pass none. */
  entities?: NonNullable<DataSourceOptions['entities']>;
  applicationName?: string;
}

/**
 * The one DataSource configuration shared by the API, the `coop` CLI and the test harness, so
 * they can never disagree on naming or on which migrations exist.
 */
export function dataSourceOptions(options: DatabaseOptions): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'coop',
    extra: { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  };
}
