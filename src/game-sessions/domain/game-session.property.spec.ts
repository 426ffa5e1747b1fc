import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { FIXED_NOW } from '../../../test/support/game-session.mother';
import { Move, OWNER, histories } from '../../../test/support/roster-histories';
import { replay } from '../../../test/support/replay';
import { isAllowedMove } from '../../../test/support/status-moves';
import { GameSession } from './game-session';
import type { GameSessionState } from './game-session';
import { GameSessionError } from './game-session.errors';
import type { GameSessionEvent, ParticipantLeft } from './game-session.events';
import { GameSessionStatus } from './game-session-status';
import { PlayerType } from './player-type';

const { Master } = PlayerType;
const { Draft, Finished, Cancelled } = GameSessionStatus;

// 500 random histories of up to ~40 moves each: every rule is met many times, in a few hundred ms per property.
const RUNS = { numRuns: 500, includeErrorInReport: true };

/** One move of a random history; `wait` is how many seconds pass before it (0: the same instant). */
type Action = Move<{ readonly wait: number }>;

const history: fc.Arbitrary<Action[]> = histories({ wait: fc.integer({ min: 0, max: 3 }) }, { wait: 0 }, 30);

/** What one move did: the refusal's code (null when accepted), the state around it, and the log so far. */
interface Step {
  readonly action: Action | 'create';
  readonly refusal: string | null;
  readonly before: GameSessionState | null;
  readonly after: GameSessionState;
  readonly recorded: readonly GameSessionEvent[];
  readonly log: readonly GameSessionEvent[];
}

function act(session: GameSession, a: Action, now: Date): void {
  if (a.do === 'add') session.addParticipant(a.userId, a.type, a.by, now);
  else if (a.do === 'remove') session.removeParticipant(a.userId, a.by, now);
  else session.changeStatus(a.to, a.by, now);
}

/** A domain error is a refusal the rules allow; anything else is a bug and must fail the property. */
function refusalOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof GameSessionError) return error.code;
    throw error;
  }
}

/** Creates the session, plays the history on it, and hands every step (creation first) to `check`. */
function play(actions: readonly Action[], check: (step: Step) => void): void {
  let now = FIXED_NOW;
  const session = GameSession.create({ id: 'session-1', title: 'Night at the table', ownerId: OWNER, now });
  const log = session.pullDomainEvents();
  check({ action: 'create', refusal: null, before: null, after: session.state, recorded: [...log], log });
  for (const a of actions) {
    now = new Date(now.getTime() + a.wait * 1000);
    const before = session.state;
    const refusal = refusalOf(() => act(session, a, now));
    // Pulled after refusals too, so that an event recorded before a throw cannot hide.
    const recorded = session.pullDomainEvents();
    log.push(...recorded);
    check({ action: a, refusal, before, after: session.state, recorded, log });
  }
}

/** jest's matchers are slow over thousands of steps: compare fast, and let expect explain only a difference. */
function expectEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const seats = (state: GameSessionState) => state.players.map(({ userId, type }) => ({ userId, type }));
const isFinal = (s: GameSessionStatus) => s === Finished || s === Cancelled;

class RosterModel {
  readonly roster = new Map<string, PlayerType>([[OWNER, Master]]);
  status: GameSessionStatus = Draft;

  /** The code the aggregate must refuse with (checks in the contract's order), or null; applies what it accepts. */
  apply(a: Action): string | null {
    const refusal = this.refusal(a);
    if (refusal !== null) return refusal;
    if (a.do === 'add') this.roster.set(a.userId, a.type);
    else if (a.do === 'remove') this.roster.delete(a.userId);
    else this.status = a.to;
    return null;
  }

  private refusal(a: Action): string | null {
    if (a.do === 'changeStatus') {
      if (a.by !== OWNER) return 'NOT_GAME_MASTER';
      return isAllowedMove([this.status, a.to]) ? null : 'INVALID_STATUS_TRANSITION';
    }
    const leaving = a.do === 'remove' && a.userId === a.by;
    if (a.by !== OWNER && !leaving) return 'NOT_GAME_MASTER';
    if (this.status === Finished) return 'SESSION_FINISHED';
    if (this.status === Cancelled) return 'SESSION_CANCELLED';
    if (a.do === 'add') {
      if (this.roster.has(a.userId)) return 'ALREADY_PARTICIPANT';
      return a.type === Master ? 'CANNOT_ADD_MASTER' : null;
    }
    if (!this.roster.has(a.userId)) return 'PARTICIPANT_NOT_FOUND';
    return this.roster.get(a.userId) === Master ? 'CANNOT_REMOVE_MASTER' : null;
  }
}

describe('GameSession under random histories of moves by random actors', () => {
  it('a refused move changes nothing and records nothing; an accepted one records exactly one event', () => {
    fc.assert(
      fc.property(history, (actions) => {
        play(actions, ({ refusal, before, after, recorded }) => {
          if (before === null) return;
          if (refusal === null) expectEqual(recorded.length, 1);
          else expectEqual({ after, recorded }, { after: before, recorded: [] });
        });
      }),
      RUNS,
    );
  });

  it('there is always exactly one Master, and it is the owner', () => {
    fc.assert(
      fc.property(history, (actions) => {
        play(actions, ({ after }) => {
          expectEqual(after.players.filter((p) => p.type === Master).map((p) => p.userId), [OWNER]);
        });
      }),
      RUNS,
    );
  });

  it('the state is its log replayed through evolve; seq runs from 1; version counts the events; a seat dates from its latest join', () => {
    fc.assert(
      fc.property(history, (actions) => {
        play(actions, ({ after, log }) => {
          const { status, players, formerSeats, ownerId, updatedAt, version } = after;
          expectEqual({ status, players, formerSeats, ownerId, updatedAt, version }, replay(log));
          // Counted and dated by hand, not through evolve: an oracle of its own.
          const lastJoin = new Map<string, Date>();
          for (const e of log) if (e.event === 'ParticipantJoined') lastJoin.set(e.userId, e.occurredAt);
          expectEqual(
            {
              joinedAt: after.players.map((p) => p.joinedAt),
              seqs: log.map((e) => e.seq),
              sessionIds: new Set(log.map((e) => e.sessionId)),
              version: after.version,
            },
            {
              joinedAt: after.players.map((p) => lastJoin.get(p.userId)),
              seqs: log.map((_, i) => i + 1),
              sessionIds: new Set([after.id]),
              version: log.length,
            },
          );
        });
      }),
      RUNS,
    );
  });

  it('once Finished or Cancelled, the roster and the status never change again', () => {
    fc.assert(
      fc.property(history, (actions) => {
        let frozen: { status: GameSessionStatus; players: GameSessionState['players'] } | undefined;
        play(actions, ({ after, recorded }) => {
          const current = { status: after.status, players: after.players, recorded };
          if (frozen) expectEqual(current, { ...frozen, recorded: [] });
          else if (isFinal(after.status)) frozen = { status: after.status, players: after.players };
        });
      }),
      RUNS,
    );
  });

  it('updatedAt never goes backwards, and is the moment of the latest event', () => {
    fc.assert(
      fc.property(history, (actions) => {
        play(actions, ({ before, after, log }) => {
          if (before && after.updatedAt < before.updatedAt) expect(after.updatedAt).toEqual(before.updatedAt);
          expectEqual(after.updatedAt, log[log.length - 1].occurredAt);
        });
      }),
      RUNS,
    );
  });

  it("every ParticipantLeft says who: 'removed' by the owner, or 'left' by the leaving user with removedBy null", () => {
    fc.assert(
      fc.property(history, (actions) => {
        play(actions, ({ action, recorded }) => {
          if (action === 'create') return;
          const target = action.do === 'remove' ? action.userId : undefined;
          for (const e of recorded) {
            if (e.event !== 'ParticipantLeft') continue;
            const told = { userId: e.userId, reason: e.reason, removedBy: e.removedBy, actor: action.by };
            expectEqual(
              told,
              e.reason === 'removed'
                ? { userId: target, reason: 'removed', removedBy: OWNER, actor: OWNER }
                : { userId: action.by, reason: 'left', removedBy: null, actor: action.by },
            );
          }
        });
      }),
      RUNS,
    );
  });

  it('accepts exactly the moves an independent model of the rules accepts, refusing the rest with its code', () => {
    fc.assert(
      fc.property(history, (actions) => {
        const model = new RosterModel();
        play(actions, ({ action, refusal, after }) => {
          if (action !== 'create') expectEqual({ action, refusal }, { action, refusal: model.apply(action) });
          expectEqual(
            { status: after.status, seats: seats(after) },
            { status: model.status, seats: [...model.roster].map(([userId, type]) => ({ userId, type })) },
          );
        });
      }),
      RUNS,
    );
  });

  // Guards the properties above against passing vacuously: the random histories do reach every rule.
  it('the random histories reach every outcome the rules know, and the GM tries every status move', () => {
    const outcomes = new Set<string>();
    const statusMoves = new Set<string>();
    for (const actions of fc.sample(history, { numRuns: 500, seed: 42 })) {
      play(actions, ({ action, refusal, before, recorded }) => {
        if (action === 'create' || before === null) return;
        const left = recorded.find((e): e is ParticipantLeft => e.event === 'ParticipantLeft');
        outcomes.add(refusal ?? (left ? `left:${left.reason}` : action.do));
        if (action.do === 'changeStatus' && action.by === OWNER) statusMoves.add(`${before.status}->${action.to}`);
      });
    }
    expect(statusMoves.size).toBe(6 * 6);
    expect([...outcomes].sort()).toEqual(
      [
        'add',
        'changeStatus',
        'left:left',
        'left:removed',
        'ALREADY_PARTICIPANT',
        'CANNOT_ADD_MASTER',
        'CANNOT_REMOVE_MASTER',
        'INVALID_STATUS_TRANSITION',
        'NOT_GAME_MASTER',
        'PARTICIPANT_NOT_FOUND',
        'SESSION_CANCELLED',
        'SESSION_FINISHED',
      ].sort(),
    );
  });
});
