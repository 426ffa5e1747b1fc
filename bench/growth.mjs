// How removal cost grows: with the roster's size (the app, and the database floor on a roster of the
// same size: what the SQL alone costs), and with the number of sessions in the database.
import { randomUUID } from 'node:crypto';
import { databaseFloor } from './database-floor.mjs';
import { seedManySessions, seedSession, withDatabase } from './seed-sql.mjs';
import { call, spread, summary, token } from './support.mjs';

const REMOVALS = 60;
const ROUNDS = 3;
const ROSTERS = [10, 100, 1000, 10_000];

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
      // Sizes in turn, round after round, each ratio taken within its round: this machine's speed
      // drifts more between minutes than the 10-seat case differs from the 100-seat one.
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) {
        const round = {};
        for (const seats of ROSTERS) {
          // Every removal leaves at least `seats` seats: the roster is `seats` plus those still to go.
          round[seats] = {
            app: await removalLatency(await seeded(seats + REMOVALS), app),
            databaseFloor: await removalLatency(await seeded(seats + REMOVALS), floorRemove),
          };
        }
        rounds.push(round);
      }
      const median = (values) => spread(values).median;
      const byRoster = Object.fromEntries(
        ROSTERS.map((seats) => {
          const of = (who, k) => median(rounds.map((round) => round[seats][who][k]));
          const ratio = (who) => median(rounds.map((round) => round[seats][who].p50 / round[ROSTERS[0]][who].p50));
          return [
            seats,
            {
              p50: of('app', 'p50'),
              p99: of('app', 'p99'),
              p50Ratio: ratio('app'),
              databaseFloor: { p50: of('databaseFloor', 'p50'), p50Ratio: ratio('databaseFloor') },
            },
          ];
        }),
      );
      const before = await removalLatency(await seeded(10 + REMOVALS), app);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM game_sessions');
      await seedManySessions(db, Math.max(0, 100_000 - rows[0].n));
      // As a database that grew over time would be: vacuumed and analysed, not mid-autovacuum after a bulk load.
      await db.query('VACUUM ANALYZE');
      const after = await removalLatency(await seeded(10 + REMOVALS), app);
      return { byRoster, bySessions: { few: { sessions: rows[0].n, ...before }, many: { sessions: 100_000, ...after } } };
    });
  } finally {
    await floor.stop();
  }
}
