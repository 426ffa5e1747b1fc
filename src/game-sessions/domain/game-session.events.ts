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

/** A bar on taking a seat again, until an instant or (null) until lifted. */
export interface Ban {
  readonly until: Date | null;
}

export interface ParticipantLeft extends SessionEventBase {
  readonly event: 'ParticipantLeft';
  readonly userId: string;
  readonly type: PlayerType;
  readonly reason: LeaveReason;
  /** The Game Master who removed the participant; null when they left on their own. */
  readonly removedBy: string | null;
  /** Why, in the remover's (or leaver's) words, for the whole table to read; null when none was given. */
  readonly note: string | null;
  /** Only with a removal by the Game Master. */
  readonly ban: Ban | null;
  /** The bulk removal it was part of: every ParticipantLeft of one shares it. Absent for a single removal. */
  readonly batch?: string;
}

/** An undo of a removal: the participant back as they sat. */
export interface ParticipantRestored extends SessionEventBase {
  readonly event: 'ParticipantRestored';
  readonly userId: string;
  readonly type: PlayerType;
  readonly displayName: DisplayName;
  readonly restoredBy: string;
  /** The seq of the ParticipantLeft it undoes. */
  readonly undoes: number;
}

export interface ParticipantTypeChanged extends SessionEventBase {
  readonly event: 'ParticipantTypeChanged';
  readonly userId: string;
  readonly from: PlayerType;
  readonly to: PlayerType;
  readonly changedBy: string;
}

/** What became of the Game Master who handed over the Master: a Player, or gone from the table. */
export type PreviousGameMaster = 'Player' | 'left';

export interface GameMasterChanged extends SessionEventBase {
  readonly event: 'GameMasterChanged';
  readonly from: string;
  readonly to: string;
  readonly previousGameMaster: PreviousGameMaster;
}

export interface BanLifted extends SessionEventBase {
  readonly event: 'BanLifted';
  readonly userId: string;
  readonly liftedBy: string;
}

export interface SessionStatusChanged extends SessionEventBase {
  readonly event: 'SessionStatusChanged';
  readonly from: GameSessionStatus;
  readonly to: GameSessionStatus;
}

export type GameSessionEvent =
  | ParticipantJoined
  | ParticipantLeft
  | ParticipantRenamed
  | SessionStatusChanged
  | ParticipantRestored
  | ParticipantTypeChanged
  | GameMasterChanged
  | BanLifted;
export type GameSessionEventName = GameSessionEvent['event'];
