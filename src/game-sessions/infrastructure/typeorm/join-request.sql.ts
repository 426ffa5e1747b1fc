// Every statement of the join-request storage, written out, as for sessions (game-session.sql.ts).
import type { JoinRequest } from '../../domain/join-request';

/** A game_session_join_requests row: the request, its type as the column's text. */
export type JoinRequestRow = Omit<JoinRequest, 'type'> & { readonly type: string };

const COLUMNS = `session_id AS "sessionId", user_id AS "userId", display_name AS "displayName", type, requested_at AS "requestedAt"`;

/** $1 session id, $2 user id, $3 display name, $4 type, $5 requested at; no row when one is waiting already */
export const INSERT_JOIN_REQUEST = `
  INSERT INTO game_session_join_requests (session_id, user_id, display_name, type, requested_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT DO NOTHING RETURNING user_id`;
/** $1 session id → JoinRequestRow[], oldest first */
export const JOIN_REQUESTS_OF_SESSION = `SELECT ${COLUMNS} FROM game_session_join_requests WHERE session_id = $1 ORDER BY requested_at, user_id`;
/** $1 session id, $2 user id → the JoinRequestRow taken off the queue, if one was waiting */
export const TAKE_JOIN_REQUEST = `DELETE FROM game_session_join_requests WHERE session_id = $1 AND user_id = $2 RETURNING ${COLUMNS}`;
