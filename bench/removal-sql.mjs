// The removal transaction, with a bare `pg` client: the SQL the app's storage runs for
// DELETE /api/game-sessions/:id/participants/:userId, and the domain's checks in plain JS.
// Shared by the runtime floor (runtime-floor.mjs) and the database floor (database-floor.mjs).

export class Refusal extends Error {
  constructor(status, code, detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

const FROZEN = new Set(['Finished', 'Cancelled']);

/** BEGIN; lock the session; read its roster; check; delete; append ParticipantLeft; bump version; COMMIT. */
export async function removeParticipant(pool, sessionId, userId, actorId) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const found = await client.query(
        `SELECT id, title, owner_id, status, created_at, updated_at, version
           FROM game_sessions WHERE id = $1 LIMIT 1 FOR UPDATE`,
        [sessionId],
      );
      const s = found.rows[0];
      if (!s) throw new Refusal(404, 'GAME_SESSION_NOT_FOUND', 'Game session not found');
      const roster = await client.query(
        `SELECT user_id AS "userId", type, (extract(epoch FROM joined_at) * 1000)::float8 AS "joinedAt"
           FROM game_session_players WHERE session_id = $1 ORDER BY joined_seq`,
        [sessionId],
      );
      const seats = roster.rows;
      const leaving = userId === actorId;
      if (!leaving && actorId !== s.owner_id) throw new Refusal(403, 'NOT_GAME_MASTER', 'Only the Game Master may remove participants');
      if (FROZEN.has(s.status)) throw new Refusal(400, 'ROSTER_FROZEN', `The roster of a ${s.status} session is frozen`);
      const target = seats.find((p) => p.userId === userId);
      if (!target) throw new Refusal(404, 'PARTICIPANT_NOT_FOUND', 'Not a participant of the session');
      if (target.type === 'Master') throw new Refusal(400, 'CANNOT_REMOVE_MASTER', 'Cannot remove the Game Master from the session');
      const now = new Date();
      const at = now < s.updated_at ? s.updated_at : now;
      const version = s.version + 1;
      await client.query('DELETE FROM game_session_players WHERE session_id = $1 AND user_id = $2', [sessionId, userId]);
      await client.query(
        'INSERT INTO game_session_events (session_id, seq, event, occurred_at, data) VALUES ($1, $2, $3, $4, $5)',
        [
          sessionId,
          version,
          'ParticipantLeft',
          at,
          JSON.stringify({ userId, type: target.type, reason: leaving ? 'left' : 'removed', removedBy: leaving ? null : actorId }),
        ],
      );
      const updated = await client.query(
        'UPDATE game_sessions SET version = $1, updated_at = $2 WHERE id = $3 AND version = $4',
        [version, at, sessionId, s.version],
      );
      if (updated.rowCount !== 1) throw new Error(`game session ${sessionId} changed while locked`);
      await client.query('COMMIT');
      return {
        id: s.id,
        title: s.title,
        ownerId: s.owner_id,
        status: s.status,
        players: seats.filter((p) => p.userId !== userId).map((p) => ({ userId: p.userId, type: p.type, joinedAt: new Date(p.joinedAt) })),
        createdAt: s.created_at,
        updatedAt: at,
        version,
      };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}
