/** A refusal by the server: what the user reads is its problem document's `detail`. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The problem in a response body, or a plain sentence when the body is not one (a proxy's page, say). */
export function problemOf(status: number, body: unknown): Problem {
  const { code, detail } = (body ?? {}) as { code?: unknown; detail?: unknown };
  if (typeof detail === 'string' && typeof code === 'string') return new Problem(status, code, detail);
  return new Problem(status, 'UNEXPECTED_RESPONSE', `The server answered ${status} without saying why.`);
}

/**
 * The server's `detail` is written for people where it states a rule of the table ("Cannot remove
 * the Game Master from the session"); where it speaks of the request itself, a sentence of ours.
 */
const PLAIN: Record<string, (detail: string) => string> = {
  VALIDATION_FAILED: (detail) =>
    /userId must be a UUID/.test(detail)
      ? 'That is not a user id: paste the whole id, like 22222222-2222-4222-8222-222222222222.'
      : `Check what you entered: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}.`,
  STALE_SESSION: () => 'The session changed meanwhile: look at it again, then retry.',
  RATE_LIMITED: () => 'That was a lot at once: wait a few seconds, then try again.',
  SERVICE_UNAVAILABLE: () => 'The server cannot reach its database right now: try again in a moment.',
  INTERNAL: () => 'Something went wrong on the server (it was logged): try again.',
  PAYLOAD_TOO_LARGE: () => 'That is more than the server takes at once: shorten it.',
};

/** What to tell the user about any failure: nothing fails without a sentence. */
export function describeFailure(error: unknown): string {
  if (error instanceof Problem) return PLAIN[error.code]?.(error.message) ?? error.message;
  // fetch rejects with a TypeError when no answer came at all.
  if (error instanceof TypeError) return 'The server could not be reached. Check that it is running and try again.';
  return error instanceof Error ? error.message : String(error);
}
