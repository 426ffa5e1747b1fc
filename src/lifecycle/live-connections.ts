/** The live side of the instance, as the drain sees it: whoever holds long-lived client connections. */
export abstract class LiveConnections {
  /** Tells every live client here to reconnect elsewhere, and drops its connection. */
  abstract releaseClients(): void;
}
