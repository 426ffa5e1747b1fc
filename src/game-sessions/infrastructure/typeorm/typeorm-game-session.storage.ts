import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionScope } from '../../../database/transaction-scope';
import { GameSessionStorage } from '../../application/game-session-storage.port';
import { GameSession } from '../../domain/game-session';
import { GameSessionNotFound } from '../../domain/game-session.errors';
import { GameSessionEvent } from '../../domain/game-session.events';
import { PlayerType } from '../../domain/player-type';
import { GameSessionMapper } from './game-session.mapper';
import * as SQL from './game-session.sql';

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
      await manager.query(SQL.INSERT_SESSION, [s.id, s.title, s.ownerId, s.status, s.createdAt, s.updatedAt, s.version]);
      await this.writeEvents(manager, session);
    });
  }

  async findById(id: string): Promise<GameSession | null> {
    const manager = this.dataSource.manager;
    const [row] = (await manager.query(SQL.SESSION, [id])) as SQL.SessionRow[];
    return row ? GameSessionMapper.toDomain(row, ...(await this.seatsOf(manager, id))) : null;
  }

  async titleOf(id: string): Promise<string | null> {
    const [row] = (await this.dataSource.manager.query(SQL.TITLE, [id])) as { title: string }[];
    return row?.title ?? null;
  }

  async findByParticipant(userId: string): Promise<GameSession[]> {
    const manager = this.dataSource.manager;
    const rows = (await manager.query(SQL.SESSIONS_OF_PARTICIPANT, [userId])) as SQL.SessionRow[];
    if (rows.length === 0) return [];
    const seats = (await manager.query(SQL.ROSTERS, [rows.map((r) => r.id)])) as SQL.SessionSeatRow[];
    const rosters = new Map<string, SQL.SeatRow[]>();
    for (const seat of seats) {
      const roster = rosters.get(seat.sessionId);
      if (roster) roster.push(seat);
      else rosters.set(seat.sessionId, [seat]);
    }
    return rows.map((r) => GameSessionMapper.toDomain(r, rosters.get(r.id) ?? [], []));
  }

  update(id: string, change: (session: GameSession) => void): Promise<GameSession> {
    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(SQL.LOCK_SESSION, [id])) as SQL.SessionRow[];
      if (!row) throw new GameSessionNotFound();
      const session = GameSessionMapper.toDomain(row, ...(await this.seatsOf(manager, id)));
      change(session);
      await this.writeEvents(manager, session);
      const s = session.state;
      const [, affected] = (await manager.query(SQL.UPDATE_SESSION, [id, row.version, s.title, s.status, s.updatedAt, s.version, s.ownerId])) as [
        unknown,
        number,
      ];
      if (affected !== 1) throw new LostUpdate(`game session ${id} changed while locked`);
      return session;
    });
  }

  async listEvents(sessionId: string, afterSeq: number, limit: number): Promise<GameSessionEvent[]> {
    const rows = (await this.dataSource.manager.query(SQL.EVENTS, [sessionId, afterSeq, limit])) as SQL.EventRow[];
    return rows.map(GameSessionMapper.toEvent);
  }

  /** The seats, in roster order, and the former seats. */
  private async seatsOf(manager: EntityManager, sessionId: string): Promise<[SQL.SeatRow[], SQL.FormerSeatRow[]]> {
    const rows = (await manager.query(SQL.SEATS_AND_FORMER_SEATS, [sessionId])) as SQL.SeatOrFormerRow[];
    const formerAt = rows.findIndex((row) => row.leftSeq !== null);
    if (formerAt === -1) return [rows, []];
    return [rows.slice(0, formerAt), rows.slice(formerAt) as SQL.FormerSeatRow[]];
  }

  /** Appends the session's new events to its log and applies each to the stored seats and former seats. */
  private async writeEvents(manager: EntityManager, session: GameSession): Promise<void> {
    for (const event of session.uncommittedEvents) {
      await this.project(manager, event);
      const row = GameSessionMapper.toEventRow(event);
      await manager.query(SQL.APPEND_EVENT, [row.sessionId, row.seq, row.event, row.occurredAt, row.data]);
    }
  }

  /** What `evolve` does to the roster, done to its rows. */
  private async project(manager: EntityManager, event: GameSessionEvent): Promise<void> {
    const { sessionId } = event;
    switch (event.event) {
      case 'ParticipantJoined':
        await manager.query(SQL.SEAT, [sessionId, event.userId, event.type, event.occurredAt, event.seq, event.displayName]);
        await manager.query(SQL.FORGET_FORMER_SEAT, [sessionId, event.userId]);
        return;
      case 'ParticipantLeft': {
        const { userId, seq, occurredAt, reason, removedBy, note, ban } = event;
        await manager.query(SQL.UNSEAT, [sessionId, userId, seq, occurredAt, reason, removedBy, note, ban !== null, ban?.until ?? null]);
        return;
      }
      case 'ParticipantRenamed':
        await manager.query(SQL.RENAME, [sessionId, event.userId, event.displayName]);
        return;
      case 'ParticipantTypeChanged':
        await manager.query(SQL.CHANGE_TYPE, [sessionId, event.userId, event.to]);
        return;
      case 'ParticipantRestored':
        await manager.query(SQL.RESEAT, [sessionId, event.userId, event.type, event.displayName]);
        return;
      case 'GameMasterChanged':
        // The old Master's row first: at no moment may the session hold two (the database refuses it).
        if (event.previousGameMaster === 'Player') await manager.query(SQL.CHANGE_TYPE, [sessionId, event.from, PlayerType.Player]);
        else await manager.query(SQL.UNSEAT, [sessionId, event.from, event.seq, event.occurredAt, 'left', null, null, false, null]);
        await manager.query(SQL.CHANGE_TYPE, [sessionId, event.to, PlayerType.Master]);
        return;
      case 'BanLifted':
        await manager.query(SQL.LIFT_BAN, [sessionId, event.userId]);
        return;
      case 'SessionStatusChanged':
        return;
    }
  }
}
