import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, ProblemCode } from '../contract/problems';
import { problem } from './problem-details';

const BY_NODE_CODE: Record<string, [ProblemCode, string]> = {
  HPE_HEADER_OVERFLOW: ['HEADERS_TOO_LARGE', 'The request headers are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', 'The request took too long to arrive'],
};

/**
 * Requests so broken that Node's HTTP parser refuses them (framing, version, header size) never
 * reach the app; without this they would get a bare 400 with no body. They get a problem too.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A response already begun (a request timed out mid-answer) cannot be followed by another one.
    const answering = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage?.headersSent === true;
    if (!socket.writable || answering || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [code, detail] = BY_NODE_CODE[error.code ?? ''] ?? ['VALIDATION_FAILED', 'The request is not valid HTTP'];
    endWithProblem(socket, code, detail);
  });
  // Node would answer these two itself, with an empty body.
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
    sendProblem(res, 'EXPECTATION_FAILED', 'Only "Expect: 100-continue" is understood'),
  );
  (server as Server & { requireHostHeader: boolean }).requireHostHeader = false;
  refuseUnreadableTargets(server);
}

/** A problem document written straight on a connection that Node no longer parses, which it then closes. */
export function endWithProblem(socket: Duplex, code: ProblemCode, detail: string, headers = ''): void {
  const status = PROBLEM_CODES[code][0];
  const body = JSON.stringify(problem(code, status, detail));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function sendProblem(res: ServerResponse, code: ProblemCode, detail: string): void {
  const status = PROBLEM_CODES[code][0];
  const body = JSON.stringify(problem(code, status, detail));
  res.writeHead(status, { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body) }).end(body);
}

/**
 * An HTTP/1.1 request without Host, or a target that is no URL at all (`GET http://[::1/x`) leaves Express with no path, so it
 * skips every middleware, Nest's included, and answers HTML. It is refused before Express sees it.
 */
function refuseUnreadableTargets(server: Server): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.httpVersion === '1.1' && !req.headers.host) {
      sendProblem(res, 'VALIDATION_FAILED', 'An HTTP/1.1 request needs a Host header');
      return;
    }
    try {
      new URL(req.url ?? '', 'http://localhost');
    } catch {
      sendProblem(res, 'VALIDATION_FAILED', 'The request target is not a valid URL');
      return;
    }
    for (const listener of listeners) listener(req, res);
  });
}
