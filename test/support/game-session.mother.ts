import { randomUUID } from 'node:crypto';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import { GameSessionStatus } from '../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../src/game-sessions/domain/player-type';

/** Every test sees the same "now", so that dates in expected states and events can be written out. */
export const FIXED_NOW = new Date('2025-11-21T18:00:00.000Z');

/** FIXED_NOW moved by some seconds: a later (or earlier) moment on the same fixed timeline. */
export function aDate(secondsAfterFixedNow = 0): Date {
  return new Date(FIXED_NOW.getTime() + secondsAfterFixedNow * 1000);
}

export const aUserId = (): string => randomUUID();

/**
 * The GM's moves from Draft to each status, through the aggregate's own rules.
 * Finished goes through InProgress, as a session that was actually played.
 */
const STATUS_PATH: Readonly<Record<GameSessionStatus, readonly GameSessionStatus[]>> = {
  [GameSessionStatus.Draft]: [],
  [GameSessionStatus.Scheduled]: [GameSessionStatus.Scheduled],
  [GameSessionStatus.InProgress]: [GameSessionStatus.Scheduled, GameSessionStatus.InProgress],
  [GameSessionStatus.Paused]: [GameSessionStatus.Scheduled, GameSessionStatus.InProgress, GameSessionStatus.Paused],
  [GameSessionStatus.Finished]: [GameSessionStatus.Scheduled, GameSessionStatus.InProgress, GameSessionStatus.Finished],
  [GameSessionStatus.Cancelled]: [GameSessionStatus.Cancelled],
};

export function statusPathTo(status: GameSessionStatus): readonly GameSessionStatus[] {
  return STATUS_PATH[status];
}

export interface Seat {
  readonly userId: string;
  readonly type: PlayerType;
}

export interface GameSessionSpec {
  readonly id?: string;
  readonly title?: string;
  readonly ownerId?: string;
  readonly status?: GameSessionStatus;
  /** Seated by the GM, in this order, before the status is reached (a final status freezes the roster). */
  readonly participants?: readonly Seat[];
  readonly now?: Date;
}

/**
 * A session built only through its own methods, so it can never be in a state the rules forbid.
 * Its events are pulled: a test sees only what its own act records.
 */
export function aGameSession(spec: GameSessionSpec = {}): GameSession {
  const now = spec.now ?? FIXED_NOW;
  const ownerId = spec.ownerId ?? aUserId();
  const session = GameSession.create({ id: spec.id ?? randomUUID(), title: spec.title ?? 'Night at the table', ownerId, now });
  for (const seat of spec.participants ?? []) session.addParticipant(seat.userId, seat.type, ownerId, now);
  for (const status of statusPathTo(spec.status ?? GameSessionStatus.Draft)) session.changeStatus(status, ownerId, now);
  session.pullDomainEvents();
  return session;
}

/** A session with one fresh user seated per type given; `ids` follow the order of `types`. */
export function aGameSessionWith(
  types: readonly PlayerType[],
  spec: Omit<GameSessionSpec, 'participants'> = {},
): { session: GameSession; ids: string[] } {
  const seats = types.map((type) => ({ userId: aUserId(), type }));
  return { session: aGameSession({ ...spec, participants: seats }), ids: seats.map((s) => s.userId) };
}
