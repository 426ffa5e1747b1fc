import { randomUUID } from 'node:crypto';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import { GameSessionNotFound, NotGameMaster } from '../../src/game-sessions/domain/game-session.errors';
import { GameSessionStatus } from '../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { TypeOrmGameSessionStorage } from '../../src/game-sessions/infrastructure/typeorm/typeorm-game-session.storage';
import { expectContiguousSeq, replayRoster } from '../support/replay';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 20, 0, second, 123));

describe('TypeOrmGameSessionStorage on PostgreSQL', () => {
  let t: TestDataSource;
  let storage: TypeOrmGameSessionStorage;
  beforeAll(async () => {
    t = await openTestDataSource();
    storage = new TypeOrmGameSessionStorage(t.dataSource);
  });
  afterAll(() => t.close());

  async function savedSession(ownerId = randomUUID()): Promise<GameSession> {
    const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId, now: at(0) });
    await storage.add(session);
    return session;
  }

  it('saves a new session and loads it back exactly', async () => {
    const session = await savedSession();

    const loaded = await storage.findById(session.id);

    expect(loaded?.state).toEqual(session.state);
    expect(loaded?.uncommittedEvents).toEqual([]);
    expect(await storage.listEvents(session.id, 0, 100)).toEqual([
      { event: 'ParticipantJoined', sessionId: session.id, seq: 1, occurredAt: at(0), userId: session.ownerId, type: PlayerType.Master },
    ]);
  });

  it('answers null for an unknown id', async () => {
    expect(await storage.findById(randomUUID())).toBeNull();
  });

  it('saves a change with its events in one go', async () => {
    const session = await savedSession();
    const player = randomUUID();

    const updated = await storage.update(session.id, (s) => s.addParticipant(player, PlayerType.Player, s.ownerId, at(5)));

    const loaded = await storage.findById(session.id);
    expect(loaded?.state).toEqual(updated.state);
    expect(loaded?.state.players.map((p) => [p.userId, p.type, p.joinedAt])).toEqual([
      [session.ownerId, PlayerType.Master, at(0)],
      [player, PlayerType.Player, at(5)],
    ]);
    expect(loaded?.state).toMatchObject({ version: 2, lastSeq: 2, updatedAt: at(5) });
    expect(updated.uncommittedEvents).toHaveLength(1);
  });

  it('removes from the roster but keeps the history of who took part and who removed them', async () => {
    const session = await savedSession();
    const player = randomUUID();
    await storage.update(session.id, (s) => s.addParticipant(player, PlayerType.Guest, s.ownerId, at(1)));

    await storage.update(session.id, (s) => s.removeParticipant(player, s.ownerId, at(2)));

    expect((await storage.findById(session.id))?.isParticipant(player)).toBe(false);
    const log = await storage.listEvents(session.id, 0, 100);
    expect(log.slice(1)).toEqual([
      { event: 'ParticipantJoined', sessionId: session.id, seq: 2, occurredAt: at(1), userId: player, type: PlayerType.Guest },
      {
        event: 'ParticipantLeft',
        sessionId: session.id,
        seq: 3,
        occurredAt: at(2),
        userId: player,
        type: PlayerType.Guest,
        reason: 'removed',
        removedBy: session.ownerId,
      },
    ]);
  });

  it('saves nothing when the change is refused', async () => {
    const session = await savedSession();
    const before = (await storage.findById(session.id))!.state;

    await expect(
      storage.update(session.id, (s) => s.changeStatus(GameSessionStatus.Scheduled, randomUUID(), at(9))),
    ).rejects.toBeInstanceOf(NotGameMaster);

    expect((await storage.findById(session.id))?.state).toEqual(before);
    expect(await storage.listEvents(session.id, 0, 100)).toHaveLength(1);
  });

  it('refuses to change an unknown session', async () => {
    await expect(storage.update(randomUUID(), () => undefined)).rejects.toBeInstanceOf(GameSessionNotFound);
  });

  it('finds the sessions a user currently sits in, newest first', async () => {
    const user = randomUUID();
    const older = await savedSession();
    const newer = GameSession.create({ id: randomUUID(), title: 'Night 2', ownerId: user, now: at(30) });
    await storage.add(newer);
    const left = await savedSession();
    for (const s of [older, left]) {
      await storage.update(s.id, (x) => x.addParticipant(user, PlayerType.Player, x.ownerId, at(10)));
    }
    await storage.update(left.id, (x) => x.removeParticipant(user, user, at(11)));

    const found = await storage.findByParticipant(user);

    expect(found.map((s) => s.id)).toEqual([newer.id, older.id]);
    expect(found[1].state.players.map((p) => p.userId)).toEqual([older.ownerId, user]);
  });

  it('pages the log after a seq', async () => {
    const session = await savedSession();
    for (let i = 0; i < 5; i++) {
      await storage.update(session.id, (s) => s.addParticipant(randomUUID(), PlayerType.Guest, s.ownerId, at(i)));
    }

    const page = await storage.listEvents(session.id, 2, 3);

    expect(page.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('serialises concurrent changes of one session: none lost, seq contiguous', async () => {
    const session = await savedSession();
    const users = Array.from({ length: 20 }, () => randomUUID());

    await Promise.all(
      users.map((u, i) => storage.update(session.id, (s) => s.addParticipant(u, PlayerType.Player, s.ownerId, at(i)))),
    );

    const loaded = (await storage.findById(session.id))!;
    const log = await storage.listEvents(session.id, 0, 1000);
    expect(loaded.state.version).toBe(21);
    expect(new Set(loaded.state.players.map((p) => p.userId))).toEqual(new Set([session.ownerId, ...users]));
    expectContiguousSeq(log);
    expect(new Set(replayRoster(log).map((p) => p.userId))).toEqual(new Set(loaded.state.players.map((p) => p.userId)));
  });

  it('the event log refuses updates and deletes: history is never erased', async () => {
    const session = await savedSession();

    await expect(t.dataSource.query('DELETE FROM game_session_events WHERE session_id = $1', [session.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`UPDATE game_session_events SET event = 'ParticipantLeft'`)).rejects.toThrow(/append-only/);
    expect(await storage.listEvents(session.id, 0, 100)).toHaveLength(1);
  });

  it('the database itself allows one Master per session', async () => {
    const session = await savedSession();

    await expect(
      t.dataSource.query(
        `INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq) VALUES ($1, $2, 'Master', now(), 2)`,
        [session.id, randomUUID()],
      ),
    ).rejects.toThrow(/game_session_players_one_master/);
  });
});
