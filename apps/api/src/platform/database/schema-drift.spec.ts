import { dataSourceOptions } from '@coop/database';
import { createTestDatabase, type TestDatabase } from '@coop/testing';
import { DataSource } from 'typeorm';
import { ENTITIES_GLOB } from './database.module';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase('empty');
    dataSource = new DataSource(
      dataSourceOptions({ url: database.url, entities: [ENTITIES_GLOB] }),
    );
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('build the schema from nothing, revert cleanly and apply again', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBe(dataSource.migrations.length);
    for (let i = 0; i < applied.length; i++)
      await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(applied.length > 0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('match the entities exactly (no drift between code and schema)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
