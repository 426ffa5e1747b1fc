import { FormerSeat } from './departure';
import { GameSessionEvent } from './game-session.events';
import { GameSessionStatus } from './game-session-status';
import { Participant } from './participant';
import { PlayerType } from './player-type';

/** What a session's events decide: who sits at the table since when, who sat there, who runs it, the status, and the count of changes. */
export interface RosterState {
  readonly status: GameSessionStatus;
  /** In roster order: by `seat`. */
  readonly players: readonly Participant[];
  /** The latest departure of each user not seated now: what an undo puts back, what a ban bars. */
  readonly formerSeats: readonly FormerSeat[];
  /** The Game Master: whoever holds the Master seat. */
  readonly ownerId: string;
  /** The moment of the newest event. */
  readonly updatedAt: Date;
  /** The seq of the newest event: the session's version, and its optimistic-concurrency token. */
  readonly version: number;
}

/** A session before its first event: nobody seated, nobody running it, a Draft, version 0. */
export const EMPTY_ROSTER: RosterState = Object.freeze({
  status: GameSessionStatus.Draft,
  players: Object.freeze([]),
  formerSeats: Object.freeze([]),
  ownerId: '',
  updatedAt: new Date(0),
  version: 0,
});

/** Thrown when an event cannot follow the state it is applied to: a log or a state that is not whole. */
export class EventDoesNotFit extends Error {}

const without = <T extends { userId: string } | FormerSeat>(items: readonly T[], userId: string): T[] =>
  items.filter((item) => ('participant' in item ? item.participant.userId : item.userId) !== userId);

/** The seat put back where its seq places it: the roster stays in the order its seats were given. */
const seatedInOrder = (players: readonly Participant[], back: Participant): Participant[] => {
  const after = players.findIndex((p) => p.seat > back.seat);
  return after === -1 ? [...players, back] : [...players.slice(0, after), back, ...players.slice(after)];
};

/**
 * How one event changes a session: the only place that says so. The aggregate applies the events it
 * records through it; the console's live view and the tests' replay of a log fold it over events.
 * Fields it does not know (id, title) pass through unchanged.
 */
export function evolve<S extends RosterState>(state: S, event: GameSessionEvent): S {
  const next: S = { ...state, updatedAt: event.occurredAt, version: event.seq };
  switch (event.event) {
    case 'ParticipantJoined': {
      const seat = Participant.of(event.userId, event.type, event.occurredAt, event.displayName, event.seq);
      const ownerId = event.type === PlayerType.Master ? event.userId : state.ownerId;
      return { ...next, ownerId, players: [...state.players, seat], formerSeats: without(state.formerSeats, event.userId) };
    }
    case 'ParticipantLeft': {
      const { seq, occurredAt: at, reason, removedBy, note, ban } = event;
      return { ...next, ...unseated(state, event.userId, { seq, at, reason, removedBy, note, ban }) };
    }
    case 'ParticipantRenamed':
      return { ...next, players: state.players.map((p) => (p.userId === event.userId ? p.renamed(event.displayName) : p)) };
    case 'ParticipantTypeChanged':
      return { ...next, players: state.players.map((p) => (p.userId === event.userId ? p.as(event.to) : p)) };
    case 'ParticipantRestored': {
      const former = state.formerSeats.find((f) => f.participant.userId === event.userId);
      if (!former) throw new EventDoesNotFit(`ParticipantRestored #${event.seq}: no former seat of ${event.userId}`);
      const { joinedAt, seat } = former.participant;
      const back = Participant.of(event.userId, event.type, joinedAt, event.displayName, seat);
      return { ...next, players: seatedInOrder(state.players, back), formerSeats: without(state.formerSeats, event.userId) };
    }
    case 'GameMasterChanged': {
      const handedOver = { ...next, ownerId: event.to, players: state.players.map((p) => (p.userId === event.to ? p.as(PlayerType.Master) : p)) };
      if (event.previousGameMaster === 'Player') {
        return { ...handedOver, players: handedOver.players.map((p) => (p.userId === event.from ? p.as(PlayerType.Player) : p)) };
      }
      const ended = { seq: event.seq, at: event.occurredAt, reason: 'left' as const, removedBy: null, note: null, ban: null };
      return { ...handedOver, ...unseated(handedOver, event.from, ended) };
    }
    case 'BanLifted':
      return {
        ...next,
        formerSeats: state.formerSeats.map((f) => (f.participant.userId === event.userId ? { ...f, ended: { ...f.ended, ban: null } } : f)),
      };
    case 'SessionStatusChanged':
      return { ...next, status: event.to };
  }
}

function unseated(state: RosterState, userId: string, ended: FormerSeat['ended']): Pick<RosterState, 'players' | 'formerSeats'> {
  const participant = state.players.find((p) => p.userId === userId);
  const formerSeats = without(state.formerSeats, userId);
  return { players: without(state.players, userId), formerSeats: participant ? [...formerSeats, { participant, ended }] : formerSeats };
}
