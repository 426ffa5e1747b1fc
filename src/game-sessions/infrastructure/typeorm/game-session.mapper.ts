import { GameSession } from '../../domain/game-session';
import { GameSessionEvent } from '../../domain/game-session.events';
import { GameSessionStatus } from '../../domain/game-session-status';
import { Participant } from '../../domain/participant';
import { PlayerType } from '../../domain/player-type';
import { EventRow, SeatRow, SessionRow } from './game-session.sql';

/** Translates between the domain model and its rows; the only place that knows both. */
export const GameSessionMapper = {
  toDomain(row: SessionRow, seats: readonly SeatRow[]): GameSession {
    return GameSession.restore({
      id: row.id,
      title: row.title,
      ownerId: row.ownerId,
      status: row.status as GameSessionStatus,
      players: seats.map((p) => Participant.of(p.userId, p.type as PlayerType, new Date(p.joinedAt), p.displayName)),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    });
  },

  toEventRow(event: GameSessionEvent): EventRow {
    const { event: name, sessionId, seq, occurredAt, ...data } = event;
    return { sessionId, seq, event: name, occurredAt, data };
  },

  /** A join logged before names existed has no displayName: it named nobody. */
  toEvent(row: EventRow): GameSessionEvent {
    const named = row.event === 'ParticipantJoined' ? { displayName: null } : {};
    return { event: row.event, sessionId: row.sessionId, seq: row.seq, occurredAt: row.occurredAt, ...named, ...row.data } as GameSessionEvent;
  },
};
