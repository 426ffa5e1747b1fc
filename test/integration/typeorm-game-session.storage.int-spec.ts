import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import type { RosterState } from '../../src/game-sessions/domain/game-session.evolve';
import { Participant } from '../../src/game-sessions/domain/participant';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { TypeOrmGameSessionStorage } from '../../src/game-sessions/infrastructure/typeorm/typeorm-game-session.storage';
import { describeGameSessionStorage } from '../support/game-session-storage.contract';
import { expectContiguousSeq, replayRoster } from '../support/replay';
import { TestDataSource, openTestDataSource } from '../support/test-data-source';

const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 20, 0, second, 123));

let t: TestDataSource;
beforeAll(async () => {
  t = await openTestDataSource();
});
afterAll(() => t.close());

/** The session's row, its seats and its former seats as the tables hold them, read without the storage's own statements. */
async function projectionOf(dataSource: DataSource, sessionId: string): Promise<RosterState | null> {
  const [session] = await dataSource.query('SELECT status, owner_id, updated_at, version FROM game_sessions WHERE id = $1', [sessionId]);
  if (!session) return null;
  const participant = (p: SeatColumns) => Participant.of(p.user_id, p.type, p.joined_at, p.display_name, p.joined_seq);
  const seats: SeatColumns[] = await dataSource.query(
    'SELECT user_id, type, joined_at, display_name, joined_seq FROM game_session_players WHERE session_id = $1 ORDER BY joined_seq',
    [sessionId],
  );
  const former: FormerSeatColumns[] = await dataSource.query(
    'SELECT * FROM game_session_former_seats WHERE session_id = $1 ORDER BY left_seq',
    [sessionId],
  );
  return {
    status: session.status,
    players: seats.map(participant),
    formerSeats: former.map((f) => ({
      participant: participant(f),
      ended: {
        seq: f.left_seq,
        at: f.left_at,
        reason: f.reason,
        removedBy: f.removed_by,
        note: f.note,
        ban: f.banned ? { until: f.ban_until } : null,
      },
    })),
    ownerId: session.owner_id,
    updatedAt: session.updated_at,
    version: session.version,
  };
}

interface SeatColumns {
  user_id: string;
  type: PlayerType;
  joined_at: Date;
  display_name: string | null;
  joined_seq: number;
}

interface FormerSeatColumns extends SeatColumns {
  left_seq: number;
  left_at: Date;
  reason: 'removed' | 'left';
  removed_by: string | null;
  note: string | null;
  banned: boolean;
  ban_until: Date | null;
}

describeGameSessionStorage('TypeOrmGameSessionStorage on PostgreSQL', async () => ({
  storage: new TypeOrmGameSessionStorage(t.dataSource),
  projection: (id) => projectionOf(t.dataSource, id),
}));

describe('TypeOrmGameSessionStorage on PostgreSQL, beyond the contract', () => {
  let storage: TypeOrmGameSessionStorage;
  beforeAll(() => {
    storage = new TypeOrmGameSessionStorage(t.dataSource);
  });

  async function savedSession(ownerId = randomUUID()): Promise<GameSession> {
    const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId, now: at(0) });
    await storage.add(session);
    return session;
  }

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
