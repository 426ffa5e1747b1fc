// Types only: the console imports this module, and must not bundle the aggregate for it.
import type { GameSession } from '../domain/game-session';
import type { GameSessionEvent } from '../domain/game-session.events';

/**
 * The JSON a client sees of a session, over REST and in a socket subscription's ack. Instants are
 * ISO 8601 text already: JSON.stringify's way through Date#toJSON took five times as long, and a
 * thousand seats made that a fifth of a removal's CPU (profiled; see docs/benchmarks.md).
 */
export interface GameSessionView {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly status: string;
  readonly players: { readonly userId: string; readonly type: string; readonly joinedAt: string }[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export function toGameSessionView(session: GameSession): GameSessionView {
  const { id, title, ownerId, status, players, createdAt, updatedAt, version } = session.state;
  return {
    id,
    title,
    ownerId,
    status,
    players: players.map(({ userId, type, joinedAt }) => ({ userId, type, joinedAt: joinedAt.toISOString() })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    version,
  };
}

/** The one shape of an event, in the log and on the socket: common fields first, then its own. */
export function toEventView(event: GameSessionEvent): GameSessionEvent {
  const { event: name, sessionId, seq, occurredAt, ...fields } = event;
  return { event: name, sessionId, seq, occurredAt, ...fields } as GameSessionEvent;
}

/** An event as a client reads it back (the log's items, a socket message): its instant as ISO 8601 text. */
export type GameSessionEventJson = GameSessionEvent extends infer E
  ? E extends GameSessionEvent
    ? Omit<E, 'occurredAt'> & { readonly occurredAt: string | Date }
    : never
  : never;

/** The domain's event again from what a client read, so that it can be folded through `evolve`. */
export function fromEventJson(event: GameSessionEventJson): GameSessionEvent {
  return { ...event, occurredAt: new Date(event.occurredAt) } as GameSessionEvent;
}
