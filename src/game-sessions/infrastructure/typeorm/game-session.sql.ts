// Every statement of the game-session storage, written out: on this hot path TypeORM's query
// building, entity hydration and change detection cost more than PostgreSQL's work (profiled; see
// docs/benchmarks.md). Each statement names the row type it reads; pg parses timestamptz to Date.

/** A game_sessions row. */
export interface SessionRow {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly status: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The seq of the session's newest event. */
  readonly version: number;
}

/**
 * A game_session_players row. Its time is epoch milliseconds: pg's parser of timestamp text was a
 * tenth of the CPU of a removal from a thousand seats (profiled; see docs/benchmarks.md).
 */
export interface SeatRow {
  readonly userId: string;
  readonly displayName: string | null;
  readonly type: string;
  readonly joinedAt: number;
  /** joined_seq: the roster's order. */
  readonly seat: number;
}

/** A game_session_former_seats row: the seat as it was, and how it ended. */
export interface FormerSeatRow extends SeatRow {
  readonly leftSeq: number;
  readonly leftAt: Date;
  readonly reason: string;
  readonly removedBy: string | null;
  readonly note: string | null;
  readonly banned: boolean;
  readonly banUntil: Date | null;
}

/** A seat, or a former seat: SEATS_AND_FORMER_SEATS reads both at once. */
export type SeatOrFormerRow = FormerSeatRow | (SeatRow & { readonly leftSeq: null });

/** A seat read with other sessions' seats, so it says whose it is. */
export interface SessionSeatRow extends SeatRow {
  readonly sessionId: string;
}

/** A game_session_events row; `data` holds the event's own fields. */
export interface EventRow {
  readonly sessionId: string;
  readonly seq: number;
  readonly event: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
}

const SESSION_COLUMNS = `id, title, owner_id AS "ownerId", status, created_at AS "createdAt", updated_at AS "updatedAt", version`;
const SEAT_COLUMNS = `user_id AS "userId", display_name AS "displayName", type, (extract(epoch FROM joined_at) * 1000)::float8 AS "joinedAt", joined_seq AS seat`;
const FORMER_SEAT_COLUMNS = `${SEAT_COLUMNS}, left_seq AS "leftSeq", left_at AS "leftAt", reason, removed_by AS "removedBy", note, banned, ban_until AS "banUntil"`;

/** $1 id → SessionRow */
export const SESSION = `SELECT ${SESSION_COLUMNS} FROM game_sessions WHERE id = $1`;
/** $1 id → { title } */
export const TITLE = 'SELECT title FROM game_sessions WHERE id = $1';
/** $1 id → SessionRow, locked until the transaction ends */
export const LOCK_SESSION = `${SESSION} FOR UPDATE`;
/** $1 user id → SessionRow[] of the sessions the user sits in, newest first */
export const SESSIONS_OF_PARTICIPANT = `
  SELECT ${SESSION_COLUMNS} FROM game_sessions
  WHERE id IN (SELECT session_id FROM game_session_players WHERE user_id = $1)
  ORDER BY created_at DESC, id`;
/**
 * $1 session id → the seats (leftSeq null) in the log's order, then the former seats in the order
 * they were left: SeatOrFormerRow[], in one round trip, since every read of a session wants both.
 */
export const SEATS_AND_FORMER_SEATS = `
  SELECT ${SEAT_COLUMNS}, NULL::integer AS "leftSeq", NULL::timestamptz AS "leftAt", NULL::varchar AS reason,
    NULL::uuid AS "removedBy", NULL::varchar AS note, false AS banned, NULL::timestamptz AS "banUntil"
  FROM game_session_players WHERE session_id = $1
  UNION ALL
  SELECT ${FORMER_SEAT_COLUMNS} FROM game_session_former_seats WHERE session_id = $1
  ORDER BY "leftSeq" NULLS FIRST, seat`;
/** $1 session ids → SessionSeatRow[] of all of them, each roster in the log's order */
export const ROSTERS = `
  SELECT session_id AS "sessionId", ${SEAT_COLUMNS} FROM game_session_players WHERE session_id = ANY($1::uuid[]) ORDER BY joined_seq`;
/** $1 session id, $2 after seq, $3 limit → EventRow[] in ascending seq */
export const EVENTS = `
  SELECT session_id AS "sessionId", seq, event, occurred_at AS "occurredAt", data
  FROM game_session_events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`;


/** $1 id, $2 title, $3 owner id, $4 status, $5 created at, $6 updated at, $7 version */
export const INSERT_SESSION = `
  INSERT INTO game_sessions (id, title, owner_id, status, created_at, updated_at, version)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
/** $1 id, $2 version read, $3 title, $4 status, $5 updated at, $6 new version, $7 owner id; one row when the version held */
export const UPDATE_SESSION = `
  UPDATE game_sessions SET title = $3, status = $4, updated_at = $5, version = $6, owner_id = $7 WHERE id = $1 AND version = $2`;
/** $1 session id, $2 user id, $3 type, $4 joined at, $5 seq of the join, $6 display name */
export const SEAT = `
  INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq, display_name) VALUES ($1, $2, $3, $4, $5, $6)`;
/** $1 session id, $2 user id, $3 display name */
export const RENAME = 'UPDATE game_session_players SET display_name = $3 WHERE session_id = $1 AND user_id = $2';
/** $1 session id, $2 user id, $3 type */
export const CHANGE_TYPE = 'UPDATE game_session_players SET type = $3 WHERE session_id = $1 AND user_id = $2';
/** $1 session id, $2 user id: a new seat leaves no former one */
export const FORGET_FORMER_SEAT = 'DELETE FROM game_session_former_seats WHERE session_id = $1 AND user_id = $2';
/**
 * $1 session id, $2 user id, $3 seq and $4 moment of the departure, $5 reason, $6 removed by, $7 note,
 * $8 banned, $9 ban until: the seat becomes the user's former seat, replacing an older one.
 */
export const UNSEAT = `
  WITH gone AS (DELETE FROM game_session_players WHERE session_id = $1 AND user_id = $2 RETURNING *)
  INSERT INTO game_session_former_seats
    (session_id, user_id, type, display_name, joined_at, joined_seq, left_seq, left_at, reason, removed_by, note, banned, ban_until)
  SELECT session_id, user_id, type, display_name, joined_at, joined_seq, $3, $4, $5, $6, $7, $8, $9 FROM gone
  ON CONFLICT (session_id, user_id) DO UPDATE SET
    type = EXCLUDED.type, display_name = EXCLUDED.display_name, joined_at = EXCLUDED.joined_at, joined_seq = EXCLUDED.joined_seq,
    left_seq = EXCLUDED.left_seq, left_at = EXCLUDED.left_at, reason = EXCLUDED.reason, removed_by = EXCLUDED.removed_by,
    note = EXCLUDED.note, banned = EXCLUDED.banned, ban_until = EXCLUDED.ban_until`;
/** $1 session id, $2 user id, $3 type, $4 display name: the former seat taken again, in its old place */
export const RESEAT = `
  WITH back AS (DELETE FROM game_session_former_seats WHERE session_id = $1 AND user_id = $2 RETURNING *)
  INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq, display_name)
  SELECT session_id, user_id, $3, joined_at, joined_seq, $4 FROM back`;
/** $1 session id, $2 user id */
export const LIFT_BAN = 'UPDATE game_session_former_seats SET banned = false, ban_until = NULL WHERE session_id = $1 AND user_id = $2';
/** $1 session id, $2 seq, $3 event name, $4 occurred at, $5 data */
export const APPEND_EVENT = `
  INSERT INTO game_session_events (session_id, seq, event, occurred_at, data) VALUES ($1, $2, $3, $4, $5)`;
