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
  /** Current participants, in roster order: by their seat's ParticipantJoined (a restored one keeps their place). */
  readonly players: readonly ParticipantView[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Grows by one with every change; the ETag is this version, quoted. */
  readonly version: number;
}

export interface GameSessionList {
  readonly items: readonly GameSessionView[];
}

/** A ban as it travels: until an ISO 8601 instant (UTC), or null: until lifted. */
export interface BanView {
  readonly until: string | null;
}

/** The domain's event as it travels (the log's items, a socket message): its instants as ISO 8601 text. */
export type SessionEventView = GameSessionEvent extends infer E
  ? E extends GameSessionEvent
    ? Omit<E, 'occurredAt' | 'ban'> & { readonly occurredAt: string } & (E extends { ban: unknown } ? { readonly ban: BanView | null } : unknown)
    : never
  : never;

export interface SessionEventList {
  readonly items: readonly SessionEventView[];
}

/** Every event a session's log holds, by name: what a client listens for. */
export const SESSION_EVENT_NAMES = [
  'ParticipantJoined',
  'ParticipantLeft',
  'ParticipantRenamed',
  'SessionStatusChanged',
  'ParticipantRestored',
  'ParticipantTypeChanged',
  'GameMasterChanged',
  'BanLifted',
] as const satisfies readonly GameSessionEvent['event'][];
