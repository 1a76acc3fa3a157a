import { DataSource } from 'typeorm';
import type { TestApp } from './app.harness';

/**
 * The SQL statements the app runs during each test of the enclosing block, in order, read from
 * TypeORM's query logger (so a count covers every query TypeORM sends).
 */
export function recordQueries(app: () => TestApp): readonly string[] {
  const queries: string[] = [];
  beforeEach(() => {
    queries.length = 0;
    jest
      .spyOn(app().app.get(DataSource).logger, 'logQuery')
      .mockImplementation((query: string) => void queries.push(query));
  });
  afterEach(() => jest.restoreAllMocks());
  return queries;
}
