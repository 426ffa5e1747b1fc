import { GameSession } from '../../domain/game-session';
import { GameSessionEvent } from '../../domain/game-session.events';
import { GameSessionStatus } from '../../domain/game-session-status';
import { Participant } from '../../domain/participant';
import { PlayerType } from '../../domain/player-type';
import { GameSessionRecord } from './game-session.orm-entity';
import { SessionEventRecord } from './session-event.orm-entity';

/** A seat as read: an ORM record, or a roster entry with its time in epoch milliseconds. */
export interface Seat {
  readonly userId: string;
  readonly type: string;
  readonly joinedAt: Date | number;
}

/** Translates between the domain model and its rows; the only place that knows both. */
export const GameSessionMapper = {
  toDomain(record: GameSessionRecord, players: readonly Seat[]): GameSession {
    return GameSession.restore({
      id: record.id,
      title: record.title,
      ownerId: record.ownerId,
      status: record.status as GameSessionStatus,
      players: players.map((p) => Participant.of(p.userId, p.type as PlayerType, new Date(p.joinedAt))),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      version: record.version,
      lastSeq: record.lastSeq,
    });
  },

  toEventRecord(event: GameSessionEvent): SessionEventRecord {
    const { event: name, sessionId, seq, occurredAt, ...data } = event;
    return Object.assign(new SessionEventRecord(), { sessionId, seq, event: name, occurredAt, data });
  },

  toEvent(record: SessionEventRecord): GameSessionEvent {
    return {
      event: record.event,
      sessionId: record.sessionId,
      seq: record.seq,
      occurredAt: record.occurredAt,
      ...record.data,
    } as GameSessionEvent;
  },
};
