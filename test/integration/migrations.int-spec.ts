import { randomUUID } from 'node:crypto';
import { migrate } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { MergeVersionAndLastSeq1763700000003 } from '../../src/database/migrations/1763700000003-merge-version-and-last-seq';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { TypeOrmGameSessionStorage } from '../../src/game-sessions/infrastructure/typeorm/typeorm-game-session.storage';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

const TABLES = [
  'game_session_events',
  'game_session_former_seats',
  'game_session_invites',
  'game_session_join_requests',
  'game_session_players',
  'game_sessions',
  'idempotency_keys',
  'socket_io_attachments',
];

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

  it('leave nothing to change in the schema the ORM entities describe', async () => {
    await migrate(t.dataSource);

    const pending = await t.dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
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

  describe('merging last_seq into version', () => {
    const columns = async (): Promise<string[]> =>
      (
        await t.dataSource.query(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'game_sessions' ORDER BY ordinal_position`,
        )
      ).map((r: { column_name: string }) => r.column_name);

    /** A session at version 2 (two events), stored before the merge is undone. */
    async function aStoredSession(): Promise<string> {
      const storage = new TypeOrmGameSessionStorage(t.dataSource);
      const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId: randomUUID(), now: new Date() });
      await storage.add(session);
      await storage.update(session.id, (s) => s.addParticipant(randomUUID(), PlayerType.Player, s.ownerId, new Date()));
      return session.id;
    }

    /** Undoes the migrations that came after the merge, and the merge itself. */
    async function undoTheMerge(): Promise<void> {
      const after = MIGRATIONS.length - MIGRATIONS.indexOf(MergeVersionAndLastSeq1763700000003);
      for (let i = 0; i < after; i++) await t.dataSource.undoLastMigration();
    }

    it('down brings last_seq back, equal to version, and up merges it again', async () => {
      await migrate(t.dataSource);
      const id = await aStoredSession();

      await undoTheMerge();

      expect(await t.dataSource.query('SELECT version, last_seq FROM game_sessions WHERE id = $1', [id])).toEqual([
        { version: 2, last_seq: 2 },
      ]);
      await migrate(t.dataSource);
      expect(await columns()).not.toContain('last_seq');
    });

    it.each([
      ['last_seq differs from version', 'UPDATE game_sessions SET last_seq = 1'],
      ['version differs from the newest event', 'UPDATE game_sessions SET version = 3, last_seq = 3'],
    ])('refuses to run where %s, naming the session, and changes nothing', async (_what, corruption) => {
      await migrate(t.dataSource);
      const id = await aStoredSession();
      await undoTheMerge();
      await t.dataSource.query(corruption);

      await expect(migrate(t.dataSource)).rejects.toThrow(new RegExp(`Cannot merge last_seq into version.*${id}`));

      expect(await columns()).toContain('last_seq');
      const applied = await t.dataSource.query('SELECT name FROM schema_migrations');
      expect(applied).toHaveLength(MIGRATIONS.indexOf(MergeVersionAndLastSeq1763700000003));
    });
  });

  it('former seats are filled from the logs written before them, as the storage writes them', async () => {
    await migrate(t.dataSource);
    const storage = new TypeOrmGameSessionStorage(t.dataSource);
    const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId: randomUUID(), now: new Date() });
    await storage.add(session);
    const [anna, ben, cleo] = [randomUUID(), randomUUID(), randomUUID()];
    const at = (second: number) => new Date(Date.UTC(2026, 11, 4, 20, 0, second));
    const history = [
      (s: GameSession) => s.addParticipant(anna, PlayerType.Player, s.ownerId, at(1), 'Anna'),
      (s: GameSession) => s.addParticipant(ben, PlayerType.Guest, s.ownerId, at(2)),
      (s: GameSession) => s.renameParticipant(anna, 'Ireena', anna, at(3)),
      (s: GameSession) => s.removeParticipant(anna, s.ownerId, at(4)),
      (s: GameSession) => s.removeParticipant(ben, ben, at(5)),
      (s: GameSession) => s.addParticipant(ben, PlayerType.Assistant, s.ownerId, at(6)),
      (s: GameSession) => s.addParticipant(cleo, PlayerType.Guest, s.ownerId, at(7), 'Cleo'),
      (s: GameSession) => s.renameParticipant(cleo, null, cleo, at(8)),
      (s: GameSession) => s.removeParticipant(cleo, cleo, at(9)),
    ];
    for (const change of history) await storage.update(session.id, change);
    const formerSeats = () => t.dataSource.query('SELECT * FROM game_session_former_seats ORDER BY left_seq');
    const written = await formerSeats();

    await t.dataSource.undoLastMigration();
    await migrate(t.dataSource);

    expect(written.map((row: { user_id: string }) => row.user_id)).toEqual([anna, cleo]);
    expect(await formerSeats()).toEqual(written);
  });
});
