import { FormerSeat } from '../../domain/departure';
import { GameSession } from '../../domain/game-session';
import { GameSessionEvent, LeaveReason } from '../../domain/game-session.events';
import type { SessionEventView } from '../../../contract/session-views';
import { fromEventJson } from '../../application/game-session.views';
import { GameSessionStatus } from '../../domain/game-session-status';
import { Participant } from '../../domain/participant';
import { PlayerType } from '../../domain/player-type';
import { EventRow, FormerSeatRow, SeatRow, SessionRow } from './game-session.sql';

const toParticipant = (p: SeatRow): Participant => Participant.of(p.userId, p.type as PlayerType, new Date(p.joinedAt), p.displayName, p.seat);

/** Translates between the domain model and its rows; the only place that knows both. */
export const GameSessionMapper = {
  toDomain(row: SessionRow, seats: readonly SeatRow[], formerSeats: readonly FormerSeatRow[]): GameSession {
    return GameSession.restore({
      id: row.id,
      title: row.title,
      ownerId: row.ownerId,
      status: row.status as GameSessionStatus,
      players: seats.map(toParticipant),
      formerSeats: formerSeats.map(GameSessionMapper.toFormerSeat),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    });
  },

  toFormerSeat(row: FormerSeatRow): FormerSeat {
    const ended = {
      seq: row.leftSeq,
      at: row.leftAt,
      reason: row.reason as LeaveReason,
      removedBy: row.removedBy,
      note: row.note,
      ban: row.banned ? { until: row.banUntil } : null,
    };
    return { participant: toParticipant(row), ended };
  },

  toEventRow(event: GameSessionEvent): EventRow {
    const { event: name, sessionId, seq, occurredAt, ...data } = event;
    return { sessionId, seq, event: name, occurredAt, data };
  },

  /**
   * Events logged before a field existed read as without it: a join named nobody, a departure had no
   * note and no ban. JSON holds a ban's instant as text, as the wire does: read back the same way.
   */
  toEvent(row: EventRow): GameSessionEvent {
    const { event, sessionId, seq, occurredAt } = row;
    const logged = { event, sessionId, seq, occurredAt, ...row.data };
    if (event === 'ParticipantJoined') return { displayName: null, ...logged } as GameSessionEvent;
    if (event !== 'ParticipantLeft') return logged as GameSessionEvent;
    return fromEventJson({ ...logged, note: row.data.note ?? null, ban: row.data.ban ?? null } as unknown as SessionEventView);
  },
};
