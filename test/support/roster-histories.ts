import fc from 'fast-check';
import { GameSessionStatus } from '../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { statusPathTo } from './game-session.mother';

const { Master, Player, Assistant, Guest } = PlayerType;
const { Draft, Scheduled, InProgress, Paused, Finished, Cancelled } = GameSessionStatus;

/** A small pool, so that random moves keep meeting the same people: adds collide, removals find their target. */
export const OWNER = 'gm';
export const USERS = [OWNER, 'ana', 'ben', 'cleo', 'dev', 'eli'] as const;

/** One move of a random history by `by`, with whatever else (`Extra`) the spec sends along. */
export type Move<Extra> = Extra & { readonly by: string } & (
    | { readonly do: 'add'; readonly userId: string; readonly type: PlayerType }
    | { readonly do: 'remove'; readonly userId: string }
    | { readonly do: 'changeStatus'; readonly to: GameSessionStatus }
  );

// The GM acts most of the time: otherwise nearly every move would be a NOT_GAME_MASTER refusal.
const actor = fc.oneof({ arbitrary: fc.constant(OWNER), weight: 2 }, { arbitrary: fc.constantFrom(...USERS), weight: 1 });
const user = fc.constantFrom(...USERS);
// Listed simplest first: fast-check shrinks a constantFrom towards its first value.
const playerType = fc.constantFrom(Player, Assistant, Guest, Master);
// Mostly the moves that keep a session going, so that histories stay open long enough to be interesting.
const status = fc.oneof(
  { arbitrary: fc.constantFrom(Scheduled, InProgress, Paused), weight: 3 },
  { arbitrary: fc.constantFrom(Finished, Cancelled, Draft), weight: 1 },
);
const joiningType = fc.constantFrom(Player, Assistant, Guest);

type Arbitraries<Extra> = { [K in keyof Extra]: fc.Arbitrary<Extra[K]> };

function moves<Extra extends object>(extra: Arbitraries<Extra>): fc.Arbitrary<Move<Extra>> {
  const record = <T extends object>(fields: Arbitraries<T>) => fc.record(fields as never) as fc.Arbitrary<T & Extra>;
  return fc.oneof(
    { arbitrary: record({ ...extra, do: fc.constant('add' as const), userId: user, type: playerType, by: actor }), weight: 4 },
    { arbitrary: record({ ...extra, do: fc.constant('remove' as const), userId: user, by: actor }), weight: 3 },
    // Leaving: the actor removes themselves, which passes the GM check for anyone.
    { arbitrary: record({ ...extra, do: fc.constant('remove' as const), userId: user }).map((m) => ({ ...m, by: m.userId })), weight: 2 },
    { arbitrary: record({ ...extra, do: fc.constant('changeStatus' as const), to: status, by: actor }), weight: 2 },
  ) as fc.Arbitrary<Move<Extra>>;
}

/**
 * A history starts where the object mother would put a session: some seats taken, then a status
 * reached, all by the GM (with `plain` as the extra fields); random moves follow. Without that start,
 * random moves seldom get past Scheduled. size 'max': fast-check's default keeps arrays to about ten.
 */
export function histories<Extra extends object>(
  extra: Arbitraries<Extra>,
  plain: Extra,
  maxMoves: number,
): fc.Arbitrary<Move<Extra>[]> {
  const setup = fc.record({
    seats: fc.uniqueArray(fc.record({ userId: fc.constantFrom(...USERS.slice(1)), type: joiningType }), {
      selector: (seat) => seat.userId,
      maxLength: 5,
    }),
    status: fc.constantFrom(Draft, Scheduled, InProgress, Paused, Finished, Cancelled),
  });
  return fc.tuple(setup, fc.array(moves(extra), { maxLength: maxMoves, size: 'max' })).map(([{ seats, status }, random]) => [
    ...seats.map(({ userId, type }) => ({ ...plain, do: 'add', userId, type, by: OWNER }) as Move<Extra>),
    ...statusPathTo(status).map((to) => ({ ...plain, do: 'changeStatus', to, by: OWNER }) as Move<Extra>),
    ...random,
  ]);
}
