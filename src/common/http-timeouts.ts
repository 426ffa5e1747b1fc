import type { Server } from 'node:http';
import type { HttpTimeouts } from '../config/app-config';

/**
 * Node's own bounds (60 s for a head, 300 s for a whole request) let a client that trickles its
 * bytes hold a connection for minutes; past ours it is answered 408 (client-errors.ts). Node
 * checks them every `connectionsCheckingInterval` (30 s by default, read when the server starts
 * listening), so that runs at a tenth of the shorter bound, at most once a second: the cut comes
 * close to the bound.
 */
export function boundRequestTimes(server: Server, timeouts: HttpTimeouts): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  const shorter = Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs);
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(1000, Math.ceil(shorter / 10));
}
