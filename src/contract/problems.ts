import type { RuleCode } from '../game-sessions/domain/game-session.errors';
import type { LeaveReason } from '../game-sessions/domain/game-session.events';
import type { BanView } from './session-views';

/** How a user's latest seat at a session ended, as REMOVED_FROM_SESSION tells them; `at` is ISO 8601 text. */
export interface RemovalView {
  readonly at: string;
  readonly reason: LeaveReason;
  /** The Game Master who removed them, by id and name; null when they left. */
  readonly removedBy: { readonly userId: string; readonly displayName: string | null } | null;
  /** Why, as the remover (or they themselves) put it; null when nobody said. */
  readonly note: string | null;
  /** The ban that came with the removal, unless lifted since. */
  readonly ban: BanView | null;
}

/** RFC 9457 problem document, as every refusal of this service is shaped. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  /** REMOVED_FROM_SESSION only. */
  readonly removal?: RemovalView;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The stable codes, with the status each answers and what it means; every rule of the table must
 * have one (the type says so). The OpenAPI document lists them.
 */
export const PROBLEM_CODES = {
  UNAUTHORIZED: [401, 'The bearer token is missing, expired, badly signed, or has no UUID sub.'],
  VALIDATION_FAILED: [400, 'A path id, query parameter or body field is malformed; detail names it.'],
  SESSION_NOT_FOUND: [404, 'No such game session, or the caller is not one of its participants.'],
  NOT_GAME_MASTER: [403, 'Only the Game Master may do this.'],
  SESSION_FINISHED: [400, 'The session is Finished: its roster is frozen.'],
  SESSION_CANCELLED: [400, 'The session is Cancelled: its roster is frozen.'],
  REMOVED_FROM_SESSION: [404, 'The caller was seated in this session and is no longer: removal tells how their latest seat ended.'],
  INVITE_NOT_FOUND: [404, 'No such invitation, or it was revoked.'],
  INVITE_EXPIRED: [410, 'The invitation has expired.'],
  INVITE_USED_UP: [410, 'The invitation has been used as many times as it allows.'],
  JOIN_REQUEST_PENDING: [409, 'A join request of the caller is already waiting for the Game Master.'],
  JOIN_REQUEST_NOT_FOUND: [404, 'No join request of this user is waiting.'],
  USER_BANNED: [409, 'The user is banned from this session: 409 when the Game Master seats them (lift the ban first), 403 when they accept an invitation or ask to join.'],
  BAN_NOT_FOUND: [404, 'No ban of this user is in force in this session.'],
  NOTHING_TO_RESTORE: [409, 'No removal of this user by the Game Master to undo: never removed, left on their own, or already restored.'],
  RESTORE_WINDOW_PASSED: [410, 'The removal is older than the restore window (RESTORE_WINDOW_SECONDS).'],
  CANNOT_CHANGE_MASTER: [400, "The Master's type never changes; hand over the Game Master role instead."],
  ALREADY_GAME_MASTER: [409, 'The user is already the Game Master.'],
  PARTICIPANT_NOT_FOUND: [404, 'The user is not a current participant of the session.'],
  ALREADY_PARTICIPANT: [409, 'The user is already a current participant of the session.'],
  CANNOT_REMOVE_MASTER: [400, 'The Game Master (Master) can never be removed.'],
  CANNOT_ADD_MASTER: [400, 'A session has exactly one Master: its Game Master.'],
  INVALID_STATUS_TRANSITION: [400, 'The session cannot move from its status to the one asked for.'],
  STALE_SESSION: [412, 'If-Match named a version that is no longer current; nothing was changed.'],
  IDEMPOTENCY_KEY_IN_USE: [409, 'A request with this Idempotency-Key is still running; retry when it has finished.'],
  IDEMPOTENCY_KEY_REUSED: [422, 'This Idempotency-Key was used before with a different request.'],
  HEADERS_TOO_LARGE: [431, 'The request headers are larger than the server reads.'],
  EXPECTATION_FAILED: [417, 'The request asked for an expectation the server does not meet.'],
  REQUEST_TIMEOUT: [408, 'The request did not arrive in time.'],
  RATE_LIMITED: [429, 'Too many requests from this user, address or socket; see Retry-After.'],
  ROUTE_NOT_FOUND: [404, 'No route answers this path.'],
  METHOD_NOT_ALLOWED: [405, 'The path exists, but not with this method; see the Allow header.'],
  PAYLOAD_TOO_LARGE: [413, 'The request body is larger than the service accepts.'],
  UNSUPPORTED_MEDIA_TYPE: [415, 'The request body is not JSON, or is in a charset or encoding the service does not read.'],
  SERVICE_UNAVAILABLE: [503, 'The database cannot be reached right now; retry later.'],
  INTERNAL: [500, 'Something unexpected failed; it was logged with the request id.'],
} as const satisfies Record<RuleCode, readonly [number, string]> & Record<string, readonly [number, string]>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** `type` is a URI that names the code; it is listed with its meaning in the OpenAPI document. */
export function problemTypeUri(code: string): string {
  return `urn:game-session-roster:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
