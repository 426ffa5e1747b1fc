import type { LeaveReason } from '../game-sessions/domain/game-session.events';
import type { PlayerType } from '../game-sessions/domain/player-type';
import type { JoinRequestNotice } from './invitations';
import type { RemovalView } from './problems';
import type { BanView, GameSessionView, SessionEventView } from './session-views';

/** What a refused socket request acks: the problem document's essentials, with the REST codes. */
export interface LiveProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  /** REMOVED_FROM_SESSION only, as in the REST problem. */
  readonly removal?: RemovalView;
}

/** Every socket request is answered through its ack: what was asked for, or why not. */
export type LiveAck<T extends object = object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: LiveProblem };

/** `session:subscribe` and `session:unsubscribe`: a session id, and for a resubscription the last seq seen. */
export interface SessionSubscription {
  readonly sessionId: string;
  readonly afterSeq?: number;
}

/** A subscription's ack: the session now, and the seq it reflects (events after it follow). */
export interface SubscribedSession {
  readonly session: GameSessionView;
  readonly seq: number;
  /** The participants connected to the session right now, on any instance, in roster order; the subscriber among them. */
  readonly online: readonly string[];
}

/**
 * To a session's subscribers when a participant comes or goes: online while at least one of their
 * sockets, anywhere, is subscribed. Coalesced: a socket back within the grace (2 s) is no change.
 */
export interface PresenceChanged {
  readonly sessionId: string;
  readonly userId: string;
  readonly online: boolean;
}

/** The last word the server sends a removed or leaving user's sockets about a session. */
export interface RemovedFromSession {
  readonly sessionId: string;
  readonly seq: number;
  readonly occurredAt: string;
  /** The Game Master who removed them; null when they left. */
  readonly removedBy: string | null;
  readonly reason: LeaveReason;
  readonly note: string | null;
  readonly ban: BanView | null;
}

/** To every socket of a user whose removal was undone: they sit at the table again, as before. */
export interface RestoredToSession {
  readonly sessionId: string;
}

/** To every socket of a user seated anywhere (created, added, re-seated), subscribed or not: a "my sessions" list can be live. */
export interface AddedToSession {
  readonly sessionId: string;
  /** The seq of the seat's ParticipantJoined: it may arrive after a later RemovedFromSession, which has the greater seq. */
  readonly seq: number;
  readonly title: string;
  readonly type: PlayerType;
}

/** Each listener gets the event it is named after; `event.event` narrows it. */
type EventListener = (event: SessionEventView) => void;

/** What the server emits on the `/game-sessions` namespace (socket.io's typed events). */
export interface ServerToClientEvents {
  ParticipantJoined: EventListener;
  ParticipantLeft: EventListener;
  ParticipantRenamed: EventListener;
  SessionStatusChanged: EventListener;
  ParticipantRestored: EventListener;
  ParticipantTypeChanged: EventListener;
  GameMasterChanged: EventListener;
  BanLifted: EventListener;
  RemovedFromSession: (removal: RemovedFromSession) => void;
  RestoredToSession: (restored: RestoredToSession) => void;
  AddedToSession: (added: AddedToSession) => void;
  PresenceChanged: (presence: PresenceChanged) => void;
  JoinRequested: (notice: JoinRequestNotice) => void;
  JoinRequestApproved: (notice: JoinRequestNotice) => void;
  JoinRequestDenied: (notice: JoinRequestNotice) => void;
  JoinRequestWithdrawn: (notice: JoinRequestNotice) => void;
  /** The token's `exp` has passed: the socket is disconnected right after. */
  TokenExpired: (expiry: { readonly expiredAt: string }) => void;
  /** This instance is going away: reconnect (socket.io does) and resubscribe with afterSeq. */
  ServerShuttingDown: (notice: { readonly reconnect: true }) => void;
}

/** What a client may send, each answered through its ack. */
export interface ClientToServerEvents {
  'session:subscribe': (subscription: SessionSubscription, ack: (answer: LiveAck<SubscribedSession>) => void) => void;
  'session:unsubscribe': (subscription: SessionSubscription, ack: (answer: LiveAck) => void) => void;
}
