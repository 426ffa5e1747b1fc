import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/** Long enough for a busy keep-alive client to send its next request and be told to close. */
const IDLE_SETTLE_MS = 500;

/**
 * Stops an HTTP server without resetting a request: from the moment it closes, every response says
 * `Connection: close` (those already under way too), so keep-alive clients that keep a connection
 * busy finish their request and reconnect elsewhere. Node's own `server.close()` keeps serving such
 * connections for as long as their clients send, and cuts idle ones that a request may be entering.
 */
export class HttpConnections {
  private readonly underWay = new Set<ServerResponse>();
  private closing = false;

  constructor(private readonly server: Server) {
    server.prependListener('request', (_request, response: ServerResponse) => {
      if (this.closing) {
        response.shouldKeepAlive = false;
        return;
      }
      this.underWay.add(response);
      response.once('close', () => this.underWay.delete(response));
    });
  }

  /** Resolves once every connection has ended: in-flight requests answered, nobody cut off. */
  close(): Promise<void> {
    this.closing = true;
    for (const response of this.underWay) if (!response.headersSent) response.shouldKeepAlive = false;
    const closed = new Promise<void>((resolve) => {
      // net.Server's close, not http.Server's: that one cuts idle connections at once, racing clients
      // that are writing their next request into them.
      if (this.server.listening) NetServer.prototype.close.call(this.server, () => resolve());
      else resolve();
    });
    // Connections still idle after the settle had no request to send: they go as keepAliveTimeout would.
    const settle = setTimeout(() => this.server.closeIdleConnections(), IDLE_SETTLE_MS);
    return closed.finally(() => clearTimeout(settle));
  }
}
