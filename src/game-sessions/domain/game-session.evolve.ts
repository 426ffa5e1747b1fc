import { GameSessionEvent } from './game-session.events';
import { GameSessionStatus } from './game-session-status';
import { Participant } from './participant';

/** What a session's events decide: who sits at the table since when, the status, and the count of changes. */
export interface RosterState {
  readonly status: GameSessionStatus;
  readonly players: readonly Participant[];
  /** The moment of the newest event. */
  readonly updatedAt: Date;
  /** The seq of the newest event: the session's version, and its optimistic-concurrency token. */
  readonly version: number;
}

/** A session before its first event: nobody seated, a Draft, version 0. */
export const EMPTY_ROSTER: RosterState = Object.freeze({
  status: GameSessionStatus.Draft,
  players: Object.freeze([]),
  updatedAt: new Date(0),
  version: 0,
});

/**
 * How one event changes a session: the only place that says so. The aggregate applies the events it
 * records through it; the console's live view and the tests' replay of a log fold it over events.
 * Fields it does not know (id, title, owner) pass through unchanged.
 */
export function evolve<S extends RosterState>(state: S, event: GameSessionEvent): S {
  const next: S = { ...state, updatedAt: event.occurredAt, version: event.seq };
  switch (event.event) {
    case 'ParticipantJoined':
      return { ...next, players: [...state.players, Participant.of(event.userId, event.type, event.occurredAt, event.displayName)] };
    case 'ParticipantLeft':
      return { ...next, players: state.players.filter((p) => p.userId !== event.userId) };
    case 'ParticipantRenamed':
      return { ...next, players: state.players.map((p) => (p.userId === event.userId ? p.renamed(event.displayName) : p)) };
    case 'SessionStatusChanged':
      return { ...next, status: event.to };
  }
}
