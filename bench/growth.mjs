// How removal cost grows: with the roster's size, and with the number of sessions in the database.
import { randomUUID } from 'node:crypto';
import { seedManySessions, seedSession, withDatabase } from './seed-sql.mjs';
import { call, summary, token } from './support.mjs';

const REMOVALS = 60;

async function removalLatency(port, gmToken, session, count = REMOVALS) {
  const latencies = [];
  for (const userId of session.guests.slice(0, count)) {
    const res = await call(port, 'DELETE', `/api/game-sessions/${session.id}/participants/${userId}`, gmToken);
    if (res.status !== 200) throw new Error(`removal answered ${res.status}`);
    latencies.push(res.ms);
  }
  return summary(latencies.slice(10)); // the first ones warm the session's pages
}

export async function benchGrowth(port, databaseUrl) {
  const gm = randomUUID();
  const gmToken = token(gm);
  return withDatabase(databaseUrl, async (db) => {
    const byRoster = {};
    for (const seats of [10 + REMOVALS, 100, 1000, 10_000]) {
      const session = await seedSession(db, gm, seats);
      byRoster[seats === 10 + REMOVALS ? 10 : seats] = await removalLatency(port, gmToken, session);
    }
    const before = await removalLatency(port, gmToken, await seedSession(db, gm, 10 + REMOVALS));
    const { rows } = await db.query('SELECT count(*)::int AS n FROM game_sessions');
    await seedManySessions(db, Math.max(0, 100_000 - rows[0].n));
    const after = await removalLatency(port, gmToken, await seedSession(db, gm, 10 + REMOVALS));
    return { byRoster, bySessions: { few: { sessions: rows[0].n, ...before }, many: { sessions: 100_000, ...after } } };
  });
}
