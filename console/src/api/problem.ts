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

/** What to tell the user about any failure: nothing fails without a sentence. */
export function describeFailure(error: unknown): string {
  if (error instanceof Problem) return error.message;
  // fetch rejects with a TypeError when no answer came at all.
  if (error instanceof TypeError) return 'The server could not be reached. Check that it is running and try again.';
  return error instanceof Error ? error.message : String(error);
}
