import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { TransactionScope } from '../../../database/transaction-scope';
import { GameSessionStorage } from '../../application/game-session-storage.port';
import { GameSession } from '../../domain/game-session';
import { GameSessionNotFound } from '../../domain/game-session.errors';
import { GameSessionEvent } from '../../domain/game-session.events';
import { GameSessionRecord } from './game-session.orm-entity';
import { GameSessionMapper } from './game-session.mapper';
import { ParticipantRecord } from './participant.orm-entity';
import { SessionEventRecord } from './session-event.orm-entity';

// The two reads of every change, written out: on this hot path TypeORM's query building and
// entity hydration cost more than PostgreSQL's work (profiled; see docs/benchmarks.md).
const LOCK_SESSION = `
  SELECT id, title, owner_id AS "ownerId", status, created_at AS "createdAt", updated_at AS "updatedAt",
         version, last_seq AS "lastSeq"
  FROM game_sessions WHERE id = $1 FOR UPDATE`;
const ROSTER = `
  SELECT session_id AS "sessionId", user_id AS "userId", type, joined_at AS "joinedAt", joined_seq AS "joinedSeq"
  FROM game_session_players WHERE session_id = $1 ORDER BY joined_seq`;

/** Raised when a session row changed under a writer that held no lock on it; a bug, never a user error. */
export class LostUpdate extends Error {}

@Injectable()
export class TypeOrmGameSessionStorage extends GameSessionStorage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionScope = new TransactionScope(dataSource),
  ) {
    super();
  }

  async add(session: GameSession): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.insert(GameSessionRecord, GameSessionMapper.toRecord(session));
      await this.writeEvents(manager, session);
    });
  }

  async findById(id: string): Promise<GameSession | null> {
    const record = await this.dataSource.manager.findOneBy(GameSessionRecord, { id });
    if (!record) return null;
    return GameSessionMapper.toDomain(record, await this.rosterOf(this.dataSource.manager, id));
  }

  async findByParticipant(userId: string): Promise<GameSession[]> {
    const records = await this.dataSource.manager
      .createQueryBuilder(GameSessionRecord, 's')
      .where('s.id IN (SELECT p.session_id FROM game_session_players p WHERE p.user_id = :userId)', { userId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .getMany();
    if (records.length === 0) return [];
    const players = await this.dataSource.manager.find(ParticipantRecord, {
      where: { sessionId: In(records.map((r) => r.id)) },
      order: { joinedSeq: 'ASC' },
    });
    const rosters = new Map<string, ParticipantRecord[]>();
    for (const p of players) {
      const roster = rosters.get(p.sessionId);
      if (roster) roster.push(p);
      else rosters.set(p.sessionId, [p]);
    }
    return records.map((r) => GameSessionMapper.toDomain(r, rosters.get(r.id) ?? []));
  }

  update(id: string, change: (session: GameSession) => void): Promise<GameSession> {
    return this.transactions.run(async (manager) => {
      const [record] = (await manager.query(LOCK_SESSION, [id])) as GameSessionRecord[];
      if (!record) throw new GameSessionNotFound();
      const session = GameSessionMapper.toDomain(record, await this.rosterOf(manager, id));
      change(session);
      await this.writeEvents(manager, session);
      const result = await manager.update(
        GameSessionRecord,
        { id, version: record.version },
        GameSessionMapper.toRecord(session),
      );
      if (result.affected !== 1) throw new LostUpdate(`game session ${id} changed while locked`);
      return session;
    });
  }

  async listEvents(sessionId: string, afterSeq: number, limit: number): Promise<GameSessionEvent[]> {
    const records = await this.dataSource.manager
      .createQueryBuilder(SessionEventRecord, 'e')
      .where('e.session_id = :sessionId AND e.seq > :afterSeq', { sessionId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
    return records.map(GameSessionMapper.toEvent);
  }

  private rosterOf(manager: EntityManager, sessionId: string): Promise<ParticipantRecord[]> {
    return manager.query(ROSTER, [sessionId]);
  }

  /** Appends the session's new events to its log and applies each to the stored roster. */
  private async writeEvents(manager: EntityManager, session: GameSession): Promise<void> {
    const events = session.uncommittedEvents;
    if (events.length === 0) return;
    for (const event of events) {
      if (event.event === 'ParticipantJoined') {
        await manager.insert(ParticipantRecord, GameSessionMapper.toParticipantRecord(event));
      } else if (event.event === 'ParticipantLeft') {
        await manager.delete(ParticipantRecord, { sessionId: session.id, userId: event.userId });
      }
    }
    await manager.insert(SessionEventRecord, events.map(GameSessionMapper.toEventRecord));
  }
}
