// Bulk data for the growth benchmarks, written straight into the app's tables in the shapes the
// app writes (a ParticipantJoined event per seat, seq and version in step), far faster than REST.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

export async function withDatabase(databaseUrl, work) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A session of `gmId` with `seats` Guests besides the Master; returns its id and the Guests' ids. */
export async function seedSession(db, gmId, seats) {
  const id = randomUUID();
  const last = seats + 1;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO game_sessions (id, title, owner_id, status, created_at, updated_at, version)
     VALUES ($1, 'seeded', $2, 'InProgress', now(), now(), $3)`,
    [id, gmId, last],
  );
  await db.query(
    `INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq)
     SELECT $1, CASE WHEN s = 1 THEN $2::uuid ELSE gen_random_uuid() END, CASE WHEN s = 1 THEN 'Master' ELSE 'Guest' END, now(), s
     FROM generate_series(1, $3::int) AS s`,
    [id, gmId, last],
  );
  await db.query(
    `INSERT INTO game_session_events (session_id, seq, event, occurred_at, data)
     SELECT session_id, joined_seq, 'ParticipantJoined', joined_at, jsonb_build_object('userId', user_id, 'type', type)
     FROM game_session_players WHERE session_id = $1`,
    [id],
  );
  await db.query('COMMIT');
  const { rows } = await db.query(`SELECT user_id FROM game_session_players WHERE session_id = $1 AND type = 'Guest'`, [id]);
  return { id, guests: rows.map((r) => r.user_id) };
}

/** `count` more sessions of one Master each, in batches, for a database that is no longer small. */
export async function seedManySessions(db, count) {
  for (let done = 0; done < count; done += 10_000) {
    const batch = Math.min(10_000, count - done);
    await db.query('BEGIN');
    await db.query(
      `WITH made AS (
         INSERT INTO game_sessions (id, title, owner_id, status, created_at, updated_at, version)
         SELECT gen_random_uuid(), 'filler', gen_random_uuid(), 'Draft', now(), now(), 1 FROM generate_series(1, $1::int)
         RETURNING id, owner_id)
       , seats AS (
         INSERT INTO game_session_players (session_id, user_id, type, joined_at, joined_seq)
         SELECT id, owner_id, 'Master', now(), 1 FROM made RETURNING session_id, user_id)
       INSERT INTO game_session_events (session_id, seq, event, occurred_at, data)
       SELECT session_id, 1, 'ParticipantJoined', now(), jsonb_build_object('userId', user_id, 'type', 'Master') FROM seats`,
      [batch],
    );
    await db.query('COMMIT');
  }
  await db.query('ANALYZE');
}
