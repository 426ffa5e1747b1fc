import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../../src/database/data-source';
import { GAME_SESSION_ORM_ENTITIES } from '../../src/game-sessions/infrastructure/typeorm';
import { TestDatabase, createTestDatabase } from './test-database';

export interface TestDataSource {
  readonly dataSource: DataSource;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

const TIMEOUTS = { poolMax: 10, connectTimeoutMs: 5000, statementTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000, startupTimeoutMs: 0 };

/** The production data source options on a fresh database, with the entities the app's modules register; migrated unless asked not to be. */
export async function openTestDataSource(options: { migrated: boolean } = { migrated: true }): Promise<TestDataSource> {
  const database = await createTestDatabase();
  // Dropping the database at the end cuts pooled connections; that is not what these tests test.
  const dataSource = new DataSource({ ...dataSourceOptions(database.url, TIMEOUTS), entities: GAME_SESSION_ORM_ENTITIES });
  await dataSource.initialize();
  if (options.migrated) await migrate(dataSource);
  return {
    dataSource,
    database,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
