import type { IncomingMessage } from 'node:http';

/** The token of `Authorization: Bearer <token>` (the scheme in any case, RFC 9110 §11.1), if there is one. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}
