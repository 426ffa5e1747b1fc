import type { GameSessionStatus } from '../../../src/game-sessions/domain/game-session-status';
import type { PlayerType } from '../../../src/game-sessions/domain/player-type';

/** The JSON the API answers (dates as ISO text); the names are the domain's. */
export interface Participant {
  readonly userId: string;
  readonly type: PlayerType;
  readonly joinedAt: string;
}

export interface GameSession {
  readonly id: string;
  readonly title: string;
  /** The Game Master. */
  readonly ownerId: string;
  readonly status: GameSessionStatus;
  readonly players: readonly Participant[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

interface EventBase {
  readonly sessionId: string;
  readonly seq: number;
  readonly occurredAt: string;
}

export type SessionEvent =
  | (EventBase & { readonly event: 'ParticipantJoined'; readonly userId: string; readonly type: PlayerType })
  | (EventBase & {
      readonly event: 'ParticipantLeft';
      readonly userId: string;
      readonly type: PlayerType;
      readonly reason: LeaveReason;
      /** The Game Master who removed them; null when they left. */
      readonly removedBy: string | null;
    })
  | (EventBase & { readonly event: 'SessionStatusChanged'; readonly from: GameSessionStatus; readonly to: GameSessionStatus });

export type LeaveReason = 'removed' | 'left';

/** The last word the server sends a removed or leaving user's sockets about a session. */
export interface RemovedFromSession {
  readonly sessionId: string;
  readonly seq: number;
  readonly occurredAt: string;
  readonly removedBy: string | null;
  readonly reason: LeaveReason;
}
