// How removal cost grows: with the roster's size (the app, and the database floor on a roster of the
// same size: what the SQL alone costs), and with the number of sessions in the database.
import { randomUUID } from 'node:crypto';
import { databaseFloor } from './database-floor.mjs';
import { seedManySessions, seedSession, withDatabase } from './seed-sql.mjs';
import { call, summary, token } from './support.mjs';

const REMOVALS = 60;

/** `remove(sessionId, userId)` resolves with milliseconds taken. */
async function removalLatency(session, remove) {
  const latencies = [];
  for (const userId of session.guests.slice(0, REMOVALS)) latencies.push(await remove(session.id, userId));
  return summary(latencies.slice(10)); // the first ones warm the session's pages
}

const overHttp = (port, gmToken) => async (sessionId, userId) => {
  const res = await call(port, 'DELETE', `/api/game-sessions/${sessionId}/participants/${userId}`, gmToken);
  if (res.status !== 200) throw new Error(`removal answered ${res.status}`);
  return res.ms;
};

export async function benchGrowth(port, databaseUrl) {
  const gm = randomUUID();
  const app = overHttp(port, token(gm));
  const floor = databaseFloor(databaseUrl, 1);
  const floorRemove = (sessionId, userId) => floor.remove(sessionId, userId, gm);
  try {
    return await withDatabase(databaseUrl, async (db) => {
      const seeded = (seats) => seedSession(db, gm, seats);
      // Warm-up: the first removals of a fresh process run unoptimised code and would flatter the big rosters.
      await removalLatency(await seeded(10 + REMOVALS), app);
      await removalLatency(await seeded(10 + REMOVALS), floorRemove);
      const byRoster = {};
      for (const seats of [10 + REMOVALS, 100, 1000, 10_000]) {
        byRoster[seats === 10 + REMOVALS ? 10 : seats] = {
          ...(await removalLatency(await seeded(seats), app)),
          databaseFloor: await removalLatency(await seeded(seats), floorRemove),
        };
      }
      const before = await removalLatency(await seeded(10 + REMOVALS), app);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM game_sessions');
      await seedManySessions(db, Math.max(0, 100_000 - rows[0].n));
      const after = await removalLatency(await seeded(10 + REMOVALS), app);
      return { byRoster, bySessions: { few: { sessions: rows[0].n, ...before }, many: { sessions: 100_000, ...after } } };
    });
  } finally {
    await floor.stop();
  }
}
