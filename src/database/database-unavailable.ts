const UNAVAILABLE_SQLSTATE = /^(08|57P0|53300|57014)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout/i;

/**
 * True when an error means "the database cannot answer right now" (down, restarting, cut off,
 * too slow) rather than "this request is wrong": the first is worth a retry, the second is a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: socket errors come from Node's own realm, where `instanceof Error` may not hold.
  const cause = ((error as { driverError?: unknown })?.driverError ?? error) as { code?: unknown; message?: unknown } | null;
  if (typeof cause !== 'object' || cause === null) return false;
  const code = String(cause.code ?? '');
  return UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_MESSAGES.test(String(cause.message ?? ''));
}
