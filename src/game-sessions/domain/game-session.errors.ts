import { GameSessionStatus } from './game-session-status';
import { Departure } from './departure';
import { DISPLAY_NAME_MAX_LENGTH } from './participant';

/** The stable codes of the rules of the table: clients key on them, the wire contract gives each its status. */
export type RuleCode =
  | 'SESSION_NOT_FOUND'
  | 'NOT_GAME_MASTER'
  | 'SESSION_FINISHED'
  | 'SESSION_CANCELLED'
  | 'PARTICIPANT_NOT_FOUND'
  | 'ALREADY_PARTICIPANT'
  | 'CANNOT_REMOVE_MASTER'
  | 'CANNOT_ADD_MASTER'
  | 'INVALID_STATUS_TRANSITION'
  | 'VALIDATION_FAILED'
  | 'STALE_SESSION'
  | 'REMOVED_FROM_SESSION'
  | 'INVITE_NOT_FOUND'
  | 'INVITE_EXPIRED'
  | 'INVITE_USED_UP'
  | 'JOIN_REQUEST_PENDING'
  | 'JOIN_REQUEST_NOT_FOUND'
  | 'USER_BANNED'
  | 'BAN_NOT_FOUND'
  | 'NOTHING_TO_RESTORE'
  | 'RESTORE_WINDOW_PASSED'
  | 'CANNOT_CHANGE_MASTER'
  | 'ALREADY_GAME_MASTER';

/** A broken rule of the table. */
export abstract class GameSessionError extends Error {
  abstract readonly code: RuleCode;
}

export class GameSessionNotFound extends GameSessionError {
  readonly code = 'SESSION_NOT_FOUND';
  constructor() {
    super('Game session not found');
  }
}

/**
 * A read by someone who was seated once: still "not found", as for any outsider, but told how
 * their latest departure came about (who removed them, when), which only they may learn.
 */
export class DepartedFromSession extends GameSessionError {
  readonly code = 'REMOVED_FROM_SESSION';
  constructor(readonly departure: Departure) {
    super(departure.reason === 'removed' ? 'You were removed from this game session' : 'You left this game session');
  }
}

export type RosterAction = 'add' | 'remove' | 'rename' | 'invite' | 'restore' | 'changeType' | 'handOver';
type ManagedAction = RosterAction | 'changeStatus' | 'answerJoinRequests' | 'bans';

const GAME_MASTER_ONLY: Record<ManagedAction, string> = {
  add: 'Only the Game Master can add participants',
  remove: 'Only the Game Master can remove participants',
  rename: 'Only the Game Master or the participant themselves can rename a participant',
  invite: 'Only the Game Master can manage invitations',
  changeStatus: 'Only the Game Master can change the session status',
  answerJoinRequests: 'Only the Game Master can answer join requests',
  restore: 'Only the Game Master can restore participants',
  changeType: "Only the Game Master can change a participant's type",
  handOver: 'Only the Game Master can hand over the Game Master role',
  bans: 'Only the Game Master can see and lift bans',
};

const FROZEN_VERB: Record<RosterAction, string> = {
  add: 'add participants to',
  remove: 'remove participants from',
  rename: 'rename participants in',
  invite: 'invite participants to',
  restore: 'restore participants to',
  changeType: 'change participants in',
  handOver: 'hand over the Game Master role of',
};

export class NotGameMaster extends GameSessionError {
  readonly code = 'NOT_GAME_MASTER';
  constructor(action: ManagedAction) {
    super(GAME_MASTER_ONLY[action]);
  }
}

/** The roster of a Finished or Cancelled session is frozen. */
export class RosterFrozen extends GameSessionError {
  readonly code: 'SESSION_FINISHED' | 'SESSION_CANCELLED';
  constructor(action: RosterAction, status: GameSessionStatus.Finished | GameSessionStatus.Cancelled) {
    const finished = status === GameSessionStatus.Finished;
    super(`Cannot ${FROZEN_VERB[action]} ${finished ? 'finished' : 'cancelled'} session`);
    this.code = finished ? 'SESSION_FINISHED' : 'SESSION_CANCELLED';
  }
}

export class ParticipantNotFound extends GameSessionError {
  readonly code = 'PARTICIPANT_NOT_FOUND';
  constructor() {
    super('User is not a participant in this session');
  }
}

export class AlreadyParticipant extends GameSessionError {
  readonly code = 'ALREADY_PARTICIPANT';
  constructor() {
    super('User is already a participant in this session');
  }
}

export class CannotRemoveMaster extends GameSessionError {
  readonly code = 'CANNOT_REMOVE_MASTER';
  constructor() {
    super('Cannot remove the Game Master from the session');
  }
}

export class CannotAddMaster extends GameSessionError {
  readonly code = 'CANNOT_ADD_MASTER';
  constructor() {
    super('A session has exactly one Master: its Game Master');
  }
}

export class InvalidStatusTransition extends GameSessionError {
  readonly code = 'INVALID_STATUS_TRANSITION';
  constructor(from: GameSessionStatus, to: GameSessionStatus) {
    super(`Cannot move a session from ${from} to ${to}`);
  }
}

export class InvalidTitle extends GameSessionError {
  readonly code = 'VALIDATION_FAILED';
  constructor() {
    super('title must be 1 to 128 characters after trimming');
  }
}

export class InvalidDisplayName extends GameSessionError {
  readonly code = 'VALIDATION_FAILED';
  constructor() {
    super(`displayName must be 1 to ${DISPLAY_NAME_MAX_LENGTH} characters after trimming, or null`);
  }
}

/** Unknown or revoked: whoever holds a dead code learns nothing of what it opened. */
export class InviteNotFound extends GameSessionError {
  readonly code = 'INVITE_NOT_FOUND';
  constructor() {
    super('Invitation not found');
  }
}

export class InviteExpired extends GameSessionError {
  readonly code = 'INVITE_EXPIRED';
  constructor() {
    super('This invitation has expired');
  }
}

export class InviteUsedUp extends GameSessionError {
  readonly code = 'INVITE_USED_UP';
  constructor() {
    super('This invitation has been used as many times as it allows');
  }
}

export class JoinRequestPending extends GameSessionError {
  readonly code = 'JOIN_REQUEST_PENDING';
  constructor() {
    super('Your request to join this session is already waiting for the Game Master');
  }
}

export class JoinRequestNotFound extends GameSessionError {
  readonly code = 'JOIN_REQUEST_NOT_FOUND';
  constructor() {
    super('No join request of this user is waiting');
  }
}

/** Someone else's join request: only its requester withdraws it (the Game Master denies it). */
export class NotTheRequester extends GameSessionError {
  readonly code = 'NOT_GAME_MASTER';
  constructor() {
    super('Only the requester can withdraw a join request; the Game Master denies it');
  }
}

/** The caller acted on a version of the session that is no longer the current one (If-Match). */
export class StaleSession extends GameSessionError {
  readonly code = 'STALE_SESSION';
  constructor(currentVersion: number) {
    super(`The session has changed: it is at version ${currentVersion}; reload it and retry`);
  }
}

/** Not an error of status alone: the Game Master seating them is a conflict (409), the user asking is forbidden (403). */
export class UserBanned extends GameSessionError {
  readonly code = 'USER_BANNED';
  constructor(
    readonly until: Date | null,
    readonly askedBy: 'gameMaster' | 'user',
  ) {
    const lasting = until === null ? 'until the Game Master lifts it' : `until ${until.toISOString()}`;
    super(askedBy === 'gameMaster' ? `This user is banned from this session ${lasting}; lift the ban first` : `You are banned from this session ${lasting}`);
  }
}

export class BanNotFound extends GameSessionError {
  readonly code = 'BAN_NOT_FOUND';
  constructor() {
    super('No ban of this user is in force');
  }
}

export class NothingToRestore extends GameSessionError {
  readonly code = 'NOTHING_TO_RESTORE';
  constructor() {
    super('There is no removal of this user by the Game Master to undo');
  }
}

export class RestoreWindowPassed extends GameSessionError {
  readonly code = 'RESTORE_WINDOW_PASSED';
  constructor(windowSeconds: number) {
    super(`A removal can be undone within ${windowSeconds} s; this one is older`);
  }
}

export class CannotChangeMaster extends GameSessionError {
  readonly code = 'CANNOT_CHANGE_MASTER';
  constructor() {
    super("The Master's type never changes: hand over the Game Master role instead");
  }
}

export class AlreadyGameMaster extends GameSessionError {
  readonly code = 'ALREADY_GAME_MASTER';
  constructor() {
    super('This user is already the Game Master');
  }
}

/** A removal's note or ban that the rules do not accept (too long, a ban in the past, a ban on oneself). */
export class InvalidRemovalTerms extends GameSessionError {
  readonly code = 'VALIDATION_FAILED';
}
