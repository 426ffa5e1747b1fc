import { GameSessionStatus } from './game-session-status';
import { DisplayName } from './participant';
import { PlayerType } from './player-type';

export type LeaveReason = 'removed' | 'left';

/** The largest seq a session's log can reach: it is stored as a 32-bit integer. */
export const MAX_SEQ = 2 ** 31 - 1;

interface SessionEventBase {
  readonly sessionId: string;
  /** Position in the session's log: starts at 1, one more per event. */
  readonly seq: number;
  readonly occurredAt: Date;
}

export interface ParticipantJoined extends SessionEventBase {
  readonly event: 'ParticipantJoined';
  readonly userId: string;
  readonly type: PlayerType;
  readonly displayName: DisplayName;
}

export interface ParticipantRenamed extends SessionEventBase {
  readonly event: 'ParticipantRenamed';
  readonly userId: string;
  /** null: the name was cleared. */
  readonly displayName: DisplayName;
  /** The participant themselves, or the Game Master. */
  readonly renamedBy: string;
}

export interface ParticipantLeft extends SessionEventBase {
  readonly event: 'ParticipantLeft';
  readonly userId: string;
  readonly type: PlayerType;
  readonly reason: LeaveReason;
  /** The Game Master who removed the participant; null when they left on their own. */
  readonly removedBy: string | null;
}

export interface SessionStatusChanged extends SessionEventBase {
  readonly event: 'SessionStatusChanged';
  readonly from: GameSessionStatus;
  readonly to: GameSessionStatus;
}

export type GameSessionEvent = ParticipantJoined | ParticipantLeft | ParticipantRenamed | SessionStatusChanged;
export type GameSessionEventName = GameSessionEvent['event'];
