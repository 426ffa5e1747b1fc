import { isDeepStrictEqual } from 'node:util';
import { RosterSettings } from './roster-settings';
import fc from 'fast-check';
import { FIXED_NOW } from '../../../test/support/game-session.mother';
import { Move, OWNER, histories } from '../../../test/support/roster-histories';
import { InMemoryGameSessionStorage } from '../../../test/support/in-memory-game-session.storage';
import { replayRoster, seatsOf } from '../../../test/support/replay';
import { isAllowedMove } from '../../../test/support/status-moves';
import type { GameSessionState } from '../domain/game-session';
import { GameSessionError, StaleSession } from '../domain/game-session.errors';
import type { GameSessionEvent } from '../domain/game-session.events';
import { GameSessionStatus } from '../domain/game-session-status';
import { PlayerType } from '../domain/player-type';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import type { ExpectedVersions } from './game-sessions.service';
import { GameSessionsService } from './game-sessions.service';

const { Master } = PlayerType;
const { Draft, Finished, Cancelled } = GameSessionStatus;

// Histories a little shorter than the domain's (each move is a load, a save and a publish): ~2 s in all.
const RUNS = { numRuns: 500, includeErrorInReport: true };

/**
 * The If-Match a client sends: none, the version it read (current), one that moved on since (stale),
 * a list holding both (matches), or only weak tags, which parse to an empty list (matches nothing).
 */
type IfMatch = 'none' | 'current' | 'stale' | 'stale-and-current' | 'empty';

/** One move of a random history, as the domain spec's, plus the If-Match it is sent with. */
type Action = Move<{ readonly ifMatch: IfMatch; readonly staleBy: number; readonly wait: number }>;

const history: fc.Arbitrary<Action[]> = histories<{ readonly ifMatch: IfMatch; readonly staleBy: number; readonly wait: number }>(
  {
    ifMatch: fc.constantFrom<IfMatch>('none', 'current', 'stale', 'stale-and-current', 'empty'),
    // How far the stale version is from the current one, behind (negative) or ahead.
    staleBy: fc.oneof(fc.integer({ min: -3, max: -1 }), fc.integer({ min: 1, max: 3 })),
    wait: fc.integer({ min: 0, max: 3 }),
  },
  { ifMatch: 'none', staleBy: 1, wait: 0 },
  20,
);

function expectedVersions(a: Action, current: number): ExpectedVersions {
  // Never negative: If-Match carries only digits.
  const stale = current + a.staleBy >= 0 ? current + a.staleBy : current - a.staleBy;
  const lists: Record<IfMatch, ExpectedVersions> = {
    none: undefined,
    current: [current],
    stale: [stale],
    'stale-and-current': [stale, current],
    empty: [],
  };
  return lists[a.ifMatch];
}

/** Moves only when told, so that a history's dates are the ones it asked for. */
class SteppingClock extends Clock {
  private current = FIXED_NOW.getTime();

  now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}

/** Keeps every batch it is handed, in order: what the live gateway would have been told. */
class RecordingPublisher extends GameSessionEventPublisher {
  readonly batches: GameSessionEvent[][] = [];

  publish(events: readonly GameSessionEvent[]): void {
    this.batches.push([...events]);
  }
}

/** The domain's verdict on a move, or null when the rules allow it; the version check is the service's own. */
function domainRefusal(a: Action, roster: ReadonlyMap<string, PlayerType>, status: GameSessionStatus): string | null {
  if (a.do === 'changeStatus') {
    if (a.by !== OWNER) return 'NOT_GAME_MASTER';
    return isAllowedMove([status, a.to]) ? null : 'INVALID_STATUS_TRANSITION';
  }
  if (a.by !== OWNER && !(a.do === 'remove' && a.userId === a.by)) return 'NOT_GAME_MASTER';
  if (status === Finished) return 'SESSION_FINISHED';
  if (status === Cancelled) return 'SESSION_CANCELLED';
  if (a.do === 'add') {
    if (roster.has(a.userId)) return 'ALREADY_PARTICIPANT';
    return a.type === Master ? 'CANNOT_ADD_MASTER' : null;
  }
  if (!roster.has(a.userId)) return 'PARTICIPANT_NOT_FOUND';
  return roster.get(a.userId) === Master ? 'CANNOT_REMOVE_MASTER' : null;
}

interface Step {
  readonly action: Action;
  readonly expected: ExpectedVersions;
  readonly error: unknown;
  /** What the model says must happen: a refusal's code, or null when the move must be stored. */
  readonly verdict: string | null;
  readonly storedBefore: { readonly state: GameSessionState; readonly log: readonly GameSessionEvent[] };
  readonly storedAfter: { readonly state: GameSessionState; readonly log: readonly GameSessionEvent[] };
  readonly returned: GameSessionState | null;
  readonly newBatches: readonly GameSessionEvent[][];
  readonly publisher: RecordingPublisher;
}

/** Creates a session through the service, plays the history on it, and hands every step to `check`. */
async function play(actions: readonly Action[], check: (step: Step) => void): Promise<void> {
  const storage = new InMemoryGameSessionStorage();
  const publisher = new RecordingPublisher();
  const clock = new SteppingClock();
  const service = new GameSessionsService(storage, publisher, clock, new RosterSettings(600));
  const { id } = await service.createSession('Night at the table', OWNER);
  const stored = async () => ({ state: (await storage.findById(id))!.state, log: storage.eventsOf(id) });
  const roster = new Map<string, PlayerType>([[OWNER, Master]]);
  let sessionStatus: GameSessionStatus = Draft;

  for (const a of actions) {
    clock.advance(a.wait);
    const storedBefore = await stored();
    const expected = expectedVersions(a, storedBefore.state.version);
    const refusal = domainRefusal(a, roster, sessionStatus);
    // The domain's error wins over a stale version: a request that fails anyway answers its own error.
    const stale = expected !== undefined && !expected.includes(storedBefore.state.version);
    const verdict = refusal ?? (stale ? 'STALE_SESSION' : null);
    const batchesBefore = publisher.batches.length;
    let returned: GameSessionState | null = null;
    let error: unknown = null;
    try {
      if (a.do === 'add') returned = (await service.addParticipant(id, a.userId, a.type, a.by, expected)).state;
      else if (a.do === 'remove') returned = (await service.removeParticipant(id, a.userId, a.by, expected)).state;
      else returned = (await service.changeStatus(id, a.to, a.by, expected)).state;
    } catch (e) {
      if (!(e instanceof GameSessionError)) throw e;
      error = e;
    }
    if (verdict === null && a.do === 'add') roster.set(a.userId, a.type);
    if (verdict === null && a.do === 'remove') roster.delete(a.userId);
    if (verdict === null && a.do === 'changeStatus') sessionStatus = a.to;
    const newBatches = publisher.batches.slice(batchesBefore);
    const storedAfter = await stored();
    check({ action: a, expected, error, verdict, storedBefore, storedAfter, returned, newBatches, publisher });
  }
}

/** jest's matchers are slow over thousands of steps: compare fast, and let expect explain only a difference. */
function expectEqual(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const codeOf = (error: unknown): string | null => (error instanceof GameSessionError ? error.code : null);

describe('GameSessionsService under random histories of moves, with random If-Match versions', () => {
  it('the stored log is everything published, in order; only accepted moves publish, one batch of one event', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (actions) => {
        await play(actions, ({ error, storedAfter, newBatches, publisher }) => {
          expectEqual(newBatches.map((b) => b.length), error === null ? [1] : []);
          expectEqual(storedAfter.log, publisher.batches.flat());
        });
      }),
      RUNS,
    );
  });

  it('the session restored from storage is the replay of the stored log, and what the service returned', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (actions) => {
        await play(actions, ({ returned, storedAfter: { state, log } }) => {
          const seats = seatsOf(state);
          expectEqual(
            { seats, seqs: log.map((e) => e.seq), version: state.version },
            { seats: replayRoster(log), seqs: log.map((_, i) => i + 1), version: log.length },
          );
          if (returned) expectEqual(returned, state);
        });
      }),
      RUNS,
    );
  });

  it('a stale If-Match answers StaleSession and stores nothing, unless the move breaks a rule: then that error wins', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (actions) => {
        await play(actions, ({ action, expected, error, verdict, storedBefore, storedAfter }) => {
          expectEqual({ action, expected, refusal: codeOf(error) }, { action, expected, refusal: verdict });
          if (verdict === 'STALE_SESSION') expect(error).toBeInstanceOf(StaleSession);
          if (verdict !== null) expectEqual(storedAfter, storedBefore);
        });
      }),
      RUNS,
    );
  });

  // Guards the properties above against passing vacuously: each kind of If-Match meets both outcomes.
  it('the random histories reach a stale version refused, a domain error winning over one, and If-Match accepted', async () => {
    const seen = new Set<string>();
    for (const actions of fc.sample(history, { numRuns: 300, seed: 42 })) {
      await play(actions, ({ action, verdict }) => {
        const outcome = verdict === null ? 'stored' : verdict === 'STALE_SESSION' ? 'stale' : 'domain error';
        seen.add(`${action.ifMatch}:${outcome}`);
      });
    }
    expect([...seen].sort()).toEqual(
      [
        'current:domain error',
        'current:stored',
        'empty:domain error',
        'empty:stale',
        'none:domain error',
        'none:stored',
        'stale-and-current:domain error',
        'stale-and-current:stored',
        'stale:domain error',
        'stale:stale',
      ].sort(),
    );
  });
});
