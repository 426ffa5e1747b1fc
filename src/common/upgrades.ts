import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { endWithProblem } from './client-errors';

/** Where socket.io's engine takes its websocket upgrades. */
const SOCKET_IO_PATH = '/socket.io/';
/** Header fields that only mean something to an upgrade (RFC 9113 §3.2 for HTTP2-Settings). */
const UPGRADE_FIELDS = new Set(['upgrade', 'http2-settings']);

/**
 * Every request gets an answer. Node hands CONNECT and, once socket.io listens, every request with
 * an Upgrade header to listeners that close the connection unanswered when it is not theirs. CONNECT
 * is refused with a problem document; an upgrade other than socket.io's websocket is served as if
 * the header were absent (RFC 9110 §7.8 lets a server ignore Upgrade): curl --http2 gets its answer.
 */
export function answerEveryRequest(server: Server): void {
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => refuseConnect(socket));
  // socket.io attaches its upgrade listener when the app starts, before it listens.
  server.once('listening', () => {
    const engines = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
    server.removeAllListeners('upgrade');
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (isSocketIoUpgrade(request)) for (const engine of engines) engine(request, socket, head);
      else serveWithoutUpgrade(server, request, socket, head);
    });
  });
}

function isSocketIoUpgrade(request: IncomingMessage): boolean {
  return (request.url ?? '').startsWith(SOCKET_IO_PATH) && request.headers.upgrade?.toLowerCase() === 'websocket';
}

/**
 * This server is no proxy: 405, with an empty Allow since no method tunnels to any target here
 * (RFC 9110 §10.2.1). Not 400: the request is well formed, the method is what is refused.
 */
function refuseConnect(socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  endWithProblem(socket, 'METHOD_NOT_ALLOWED', 'CONNECT is not allowed: this server is no proxy', 'Allow: \r\n');
}

/**
 * Node has already handed the connection over: its head goes back, without the upgrade's fields,
 * in front of the bytes that followed it, and the connection to the server again, which parses and
 * serves it as any other (`'connection'` may be emitted by users for that).
 */
function serveWithoutUpgrade(server: Server, request: IncomingMessage, socket: Duplex, rest: Buffer): void {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const [name, value] = [raw[i], raw[i + 1]];
    if (UPGRADE_FIELDS.has(name.toLowerCase())) continue;
    if (name.toLowerCase() !== 'connection') {
      lines.push(`${name}: ${value}`);
      continue;
    }
    const options = value.split(',').map((option) => option.trim()).filter((option) => !UPGRADE_FIELDS.has(option.toLowerCase()));
    if (options.length > 0) lines.push(`${name}: ${options.join(', ')}`);
  }
  socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), rest]));
  server.emit('connection', socket);
}
