import { migrate } from '../../src/database/data-source';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

const TABLES = ['game_session_events', 'game_session_players', 'game_sessions'];

describe('Migrations', () => {
  let t: TestDataSource;
  beforeEach(async () => {
    t = await openTestDataSource({ migrated: false });
  });
  afterEach(() => t.close());

  const tables = async (): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'game_%' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('build the schema from an empty database, and record what they applied', async () => {
    expect(await tables()).toEqual([]);

    await migrate(t.dataSource);

    expect(await tables()).toEqual(TABLES);
    const applied = await t.dataSource.query('SELECT name FROM schema_migrations');
    expect(applied).toEqual([{ name: 'CreateGameSessions1763700000000' }]);
  });

  it('apply once when several instances start together', async () => {
    await Promise.all([migrate(t.dataSource), migrate(t.dataSource), migrate(t.dataSource)]);

    expect(await tables()).toEqual(TABLES);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: 1 }]);
  });

  it('revert to an empty schema', async () => {
    await migrate(t.dataSource);

    await t.dataSource.undoLastMigration();

    expect(await tables()).toEqual([]);
  });
});
