const UNAVAILABLE_SQLSTATE = /^(08|57P0|53300|57014)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);
// "not queryable": pg refuses a query on a connection that already failed, before it was ours.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|is not queryable/i;
/** The server cancelled a slow statement itself: it answered, so the connection is fine. */
const STATEMENT_TIMEOUT = '57014';

interface Cause {
  code?: unknown;
  message?: unknown;
}

// Duck-typed: socket errors come from Node's own realm, where `instanceof Error` may not hold.
function causeOf(error: unknown): Cause | undefined {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  return typeof cause === 'object' && cause !== null ? (cause as Cause) : undefined;
}

/**
 * True when an error means "the database cannot answer right now" (down, restarting, cut off,
 * too slow) rather than "this request is wrong": the first is worth a retry, the second is a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = causeOf(error);
  if (!cause) return false;
  const code = String(cause.code ?? '');
  return UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_MESSAGES.test(String(cause.message ?? ''));
}

/** True when the connection that ran into `error` must not be used again. */
export function provesConnectionDead(error: unknown): boolean {
  return isDatabaseUnavailable(error) && causeOf(error)?.code !== STATEMENT_TIMEOUT;
}

/** A few words for a log line: the error's code when it has one, else its message. */
export function describeUnavailable(error: unknown): string {
  const cause = causeOf(error);
  return String(cause?.code || cause?.message || error);
}
