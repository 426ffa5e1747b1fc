import { migrate } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

const TABLES = ['game_session_events', 'game_session_players', 'game_sessions', 'idempotency_keys', 'socket_io_attachments'];

describe('Migrations', () => {
  let t: TestDataSource;
  beforeEach(async () => {
    t = await openTestDataSource({ migrated: false });
  });
  afterEach(() => t.close());

  const tables = async (): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1`,
      )
    ).map((r: { table_name: string }) => r.table_name);

  it('build the schema from an empty database, and record what they applied', async () => {
    expect(await tables()).toEqual([]);

    await migrate(t.dataSource);

    expect(await tables()).toEqual(TABLES);
    const applied = await t.dataSource.query('SELECT name FROM schema_migrations');
    expect(applied.map((m: { name: string }) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('apply once when several instances start together', async () => {
    await Promise.all([migrate(t.dataSource), migrate(t.dataSource), migrate(t.dataSource)]);

    expect(await tables()).toEqual(TABLES);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM schema_migrations')).toEqual([{ n: MIGRATIONS.length }]);
  });

  it('revert to an empty schema', async () => {
    await migrate(t.dataSource);

    for (let i = 0; i < MIGRATIONS.length; i++) await t.dataSource.undoLastMigration();

    expect(await tables()).toEqual([]);
  });
});
