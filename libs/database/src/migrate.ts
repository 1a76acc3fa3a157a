import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations as the schema owner; returns the names of those applied. */
export async function runMigrations(
  ownerUrl: string,
  applicationName = 'coop-migrate',
): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: ownerUrl, poolSize: 1, applicationName }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
