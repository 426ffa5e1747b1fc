import { GameSessionStatus } from '../../src/game-sessions/domain/game-session-status';

export type StatusMove = readonly [from: GameSessionStatus, to: GameSessionStatus];

const { Draft, Scheduled, InProgress, Paused, Finished, Cancelled } = GameSessionStatus;

/** The allowed moves written out from the specification, not derived from the code under test. */
export const ALLOWED_MOVES: readonly StatusMove[] = [
  [Draft, Scheduled],
  [Scheduled, InProgress],
  [InProgress, Paused],
  [Paused, InProgress],
  [Draft, Finished],
  [Scheduled, Finished],
  [InProgress, Finished],
  [Paused, Finished],
  [Draft, Cancelled],
  [Scheduled, Cancelled],
  [InProgress, Cancelled],
  [Paused, Cancelled],
];

export const ALL_STATUSES: readonly GameSessionStatus[] = [Draft, Scheduled, InProgress, Paused, Finished, Cancelled];

export const ALL_MOVES: readonly StatusMove[] = ALL_STATUSES.flatMap((from) =>
  ALL_STATUSES.map((to): StatusMove => [from, to]),
);

export const isAllowedMove = ([from, to]: StatusMove): boolean =>
  ALLOWED_MOVES.some(([f, t]) => f === from && t === to);

export const DISALLOWED_MOVES: readonly StatusMove[] = ALL_MOVES.filter((move) => !isAllowedMove(move));
