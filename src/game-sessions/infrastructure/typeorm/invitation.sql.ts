// Every statement of the invitation storage, written out, as for sessions (game-session.sql.ts).
import type { InvitationState } from '../../domain/invitation';

/** A game_session_invites row: the invitation's state, its type as the column's text. */
export type InvitationRow = Omit<InvitationState, 'type'> & { readonly type: string };

const COLUMNS = `code, session_id AS "sessionId", type, max_uses AS "maxUses", uses, expires_at AS "expiresAt", approval,
  created_at AS "createdAt", created_by AS "createdBy", revoked_at AS "revokedAt"`;

/** $1 code → InvitationRow */
export const INVITATION = `SELECT ${COLUMNS} FROM game_session_invites WHERE code = $1`;
/** $1 code → InvitationRow, locked until the transaction ends */
export const LOCK_INVITATION = `${INVITATION} FOR UPDATE`;
/** $1 session id → InvitationRow[], newest first */
export const INVITATIONS_OF_SESSION = `SELECT ${COLUMNS} FROM game_session_invites WHERE session_id = $1 ORDER BY created_at DESC, code`;
/** $1 code, $2 session id, $3 type, $4 max uses, $5 uses, $6 expires at, $7 approval, $8 created at, $9 created by, $10 revoked at */
export const INSERT_INVITATION = `
  INSERT INTO game_session_invites (code, session_id, type, max_uses, uses, expires_at, approval, created_at, created_by, revoked_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`;
/** $1 code, $2 uses, $3 revoked at */
export const UPDATE_INVITATION = 'UPDATE game_session_invites SET uses = $2, revoked_at = $3 WHERE code = $1';
