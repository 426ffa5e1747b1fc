import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../../../auth/authenticated-user';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../contract/live-events';

/** What the gateway keeps on a socket once its token is verified. */
export interface LiveSocketData {
  user: AuthenticatedUser;
}

/** The `/game-sessions` namespace, typed by the wire contract: an emit the console cannot read does not compile. */
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, LiveSocketData>;
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, LiveSocketData>;
