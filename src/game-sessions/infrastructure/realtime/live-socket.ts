import type { Namespace, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../../../auth/authenticated-user';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contract/live-events';
import type { SessionEventView } from '../../../contract/session-views';

/** What the gateway keeps on a socket once its token is verified. */
export interface LiveSocketData {
  user: AuthenticatedUser;
}

/** What one instance says to a session's followers on the others: a user's first socket here, or their last one gone. */
export type PresenceNews =
  | { readonly kind: 'here'; readonly sessionId: string; readonly userId: string; readonly seq: number }
  | { readonly kind: 'gone'; readonly sessionId: string; readonly userId: string };

/** What instances send each other through the socket.io adapter (serverSideEmit), beside their clients' traffic. */
export interface BetweenInstances {
  'game-session-event': (event: SessionEventView) => void;
  'presence-news': (news: PresenceNews) => void;
  /** Which users have a socket subscribed to the session on the instance that answers. */
  'presence-ask': (sessionId: string, answer: (userIds: string[]) => void) => void;
}

/** The `/game-sessions` namespace, typed by the wire contract: an emit the console cannot read does not compile. */
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, BetweenInstances, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, BetweenInstances, LiveSocketData>;
