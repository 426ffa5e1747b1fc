// Types only: the console and the tests import the wire contract and must not bundle the aggregate for it.
import type { GameSessionStatus } from '../game-sessions/domain/game-session-status';
import type { GameSessionEvent } from '../game-sessions/domain/game-session.events';
import type { PlayerType } from '../game-sessions/domain/player-type';

/** A seat at the table as a client sees it; `joinedAt` is ISO 8601 text. */
export interface ParticipantView {
  readonly userId: string;
  /** 1–64 characters, or null when nobody has given one. */
  readonly displayName: string | null;
  readonly type: PlayerType;
  readonly joinedAt: string;
}

/** The JSON of a session, over REST and in a socket subscription's ack; instants are ISO 8601 text. */
export interface GameSessionView {
  readonly id: string;
  readonly title: string;
  /** The Game Master. */
  readonly ownerId: string;
  readonly status: GameSessionStatus;
  /** Current participants, in joining order. */
  readonly players: readonly ParticipantView[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Grows by one with every change; the ETag is this version, quoted. */
  readonly version: number;
}

export interface GameSessionList {
  readonly items: readonly GameSessionView[];
}

/** The domain's event as it travels (the log's items, a socket message): its instant as ISO 8601 text. */
export type SessionEventView = GameSessionEvent extends infer E
  ? E extends GameSessionEvent
    ? Omit<E, 'occurredAt'> & { readonly occurredAt: string }
    : never
  : never;

export interface SessionEventList {
  readonly items: readonly SessionEventView[];
}

/** Every event a session's log holds, by name: what a client listens for. */
export const SESSION_EVENT_NAMES = ['ParticipantJoined', 'ParticipantLeft', 'ParticipantRenamed', 'SessionStatusChanged'] as const satisfies readonly GameSessionEvent['event'][];
