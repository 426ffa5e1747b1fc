import type { SessionEventView } from '../../src/contract/session-views';
import { fromEventJson } from '../../src/game-sessions/application/game-session.views';
import type { GameSessionEvent } from '../../src/game-sessions/domain/game-session.events';
import { EMPTY_ROSTER, RosterState, evolve } from '../../src/game-sessions/domain/game-session.evolve';

/** A session rebuilt from its log alone, through the domain's one rule of how an event changes it. */
export function replay(events: readonly (SessionEventView | GameSessionEvent)[]): RosterState {
  return events.map(fromEventJson).reduce(evolve, EMPTY_ROSTER);
}

export interface Seat {
  readonly userId: string;
  readonly displayName: string | null;
  readonly type: string;
}

/** The roster the log explains, in its order: the log must always explain the roster. */
export function replayRoster(events: readonly (SessionEventView | GameSessionEvent)[]): Seat[] {
  return seatsOf(replay(events));
}

/** A roster's seats (the API's, or a replayed one) in the shape replayRoster gives, to compare the two. */
export function seatsOf(session: { readonly players: readonly Seat[] }): Seat[] {
  return session.players.map(({ userId, displayName, type }) => ({ userId, displayName, type }));
}

/** seq runs 1, 2, 3, … with no gap and no repeat. */
export function expectContiguousSeq(events: readonly { seq: number }[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
}
