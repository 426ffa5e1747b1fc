// Types only, like the rest of the wire contract.
import type { GameSessionStatus } from '../game-sessions/domain/game-session-status';
import type { InvitedType } from '../game-sessions/domain/invitation';

/** An invitation link as its Game Master sees it; instants are ISO 8601 text. */
export interface InvitationView {
  readonly code: string;
  readonly type: InvitedType;
  /** null: unlimited. */
  readonly maxUses: number | null;
  readonly uses: number;
  readonly expiresAt: string;
  readonly approval: boolean;
  readonly createdAt: string;
  /** The console's page for it: `/join/<code>`. */
  readonly path: string;
}

export interface InvitationList {
  readonly items: readonly InvitationView[];
}

/** What an invitation opens, as whoever holds its code sees it before accepting. */
export interface InvitationPreviewView {
  readonly sessionId: string;
  readonly title: string;
  readonly gameMaster: { readonly userId: string; readonly displayName: string | null };
  readonly type: InvitedType;
  readonly approval: boolean;
  /** The session's status. */
  readonly status: GameSessionStatus;
}

/** Someone waiting for the Game Master to seat them; `requestedAt` is ISO 8601 text. */
export interface JoinRequestView {
  readonly userId: string;
  readonly displayName: string | null;
  readonly type: InvitedType;
  readonly requestedAt: string;
}

export interface JoinRequestList {
  readonly items: readonly JoinRequestView[];
}

/** An accept that filed a request instead of seating (202). */
export interface JoinRequestFiled {
  readonly joinRequest: JoinRequestView;
}

export const JOIN_REQUEST_NOTICES = ['JoinRequested', 'JoinRequestApproved', 'JoinRequestDenied', 'JoinRequestWithdrawn'] as const;

/**
 * What the Game Master's sockets and the requester's hear of a join request; not in the session's
 * log (a request is not a roster change) and without seq. An approval's seat is a ParticipantJoined.
 */
export type JoinRequestNotice = { readonly event: (typeof JOIN_REQUEST_NOTICES)[number]; readonly sessionId: string } & JoinRequestView;
