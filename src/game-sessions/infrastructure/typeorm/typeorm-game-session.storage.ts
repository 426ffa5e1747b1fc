import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { TransactionScope } from '../../../database/transaction-scope';
import { GameSessionStorage } from '../../application/game-session-storage.port';
import { GameSession } from '../../domain/game-session';
import { GameSessionNotFound } from '../../domain/game-session.errors';
import { GameSessionEvent } from '../../domain/game-session.events';
import { GameSessionRecord } from './game-session.orm-entity';
import { GameSessionMapper, Seat } from './game-session.mapper';
import { ParticipantRecord } from './participant.orm-entity';
import { SessionEventRecord } from './session-event.orm-entity';

// Every statement of a change, written out: on this hot path TypeORM's query building, entity
// hydration and change detection cost more than PostgreSQL's work (profiled; see docs/benchmarks.md).
const LOCK_SESSION = `
  SELECT id, title, owner_id AS "ownerId", status, created_at AS "createdAt", updated_at AS "updatedAt",
         version, last_seq AS "lastSeq"
  FROM game_sessions WHERE id = $1 FOR UPDATE`;
// Seat times as epoch milliseconds: pg's parser of timestamp text was a tenth of the CPU of a
// removal from a thousand seats (profiled; see docs/benchmarks.md).
const ROSTER = `
  SELECT user_id AS "userId", type, (extract(epoch FROM joined_at) * 1000)::float8 AS "joinedAt"
  FROM game_session_players WHERE session_id = $1 ORDER BY joined_seq`;
const INSERT_SESSION = `
  INSERT INTO game_sessions (id, title, owner_id, status, created_at, updated_at, version, last_seq)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
const UPDATE_SESSION = `
  UPDATE game_sessions SET title = $3, status = $4, updated_at = $5, version = $6, last_seq = $7
  WHERE id = $1 AND version = $2`;
const SEAT = `
  INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq) VALUES ($1, $2, $3, $4, $5)`;
const UNSEAT = 'DELETE FROM game_session_players WHERE session_id = $1 AND user_id = $2';
const APPEND_EVENT = `
  INSERT INTO game_session_events (session_id, seq, event, occurred_at, data) VALUES ($1, $2, $3, $4, $5)`;

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
      const s = session.state;
      await manager.query(INSERT_SESSION, [s.id, s.title, s.ownerId, s.status, s.createdAt, s.updatedAt, s.version, s.lastSeq]);
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
      const s = session.state;
      const [, affected] = (await manager.query(UPDATE_SESSION, [
        id,
        record.version,
        s.title,
        s.status,
        s.updatedAt,
        s.version,
        s.lastSeq,
      ])) as [unknown, number];
      if (affected !== 1) throw new LostUpdate(`game session ${id} changed while locked`);
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

  private rosterOf(manager: EntityManager, sessionId: string): Promise<Seat[]> {
    return manager.query(ROSTER, [sessionId]);
  }

  /** Appends the session's new events to its log and applies each to the stored roster. */
  private async writeEvents(manager: EntityManager, session: GameSession): Promise<void> {
    for (const event of session.uncommittedEvents) {
      if (event.event === 'ParticipantJoined') {
        await manager.query(SEAT, [event.sessionId, event.userId, event.type, event.occurredAt, event.seq]);
      } else if (event.event === 'ParticipantLeft') {
        await manager.query(UNSEAT, [event.sessionId, event.userId]);
      }
      const { sessionId, seq, event: name, occurredAt, data } = GameSessionMapper.toEventRecord(event);
      await manager.query(APPEND_EVENT, [sessionId, seq, name, occurredAt, data]);
    }
  }
}
