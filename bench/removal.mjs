// Removal over HTTP at 1 and 16 concurrent clients: removals per second and latency.
import { randomUUID } from 'node:crypto';
import { call, spread, summary, token } from './support.mjs';

const PLAYERS_PER_SESSION = 10;

/** Sessions with seated players, in random order so concurrent removals mostly hit different sessions. */
async function prepareRemovals(port, count) {
  const gmToken = token(randomUUID());
  const removals = [];
  while (removals.length < count) {
    const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'bench' })).body;
    for (let i = 0; i < PLAYERS_PER_SESSION; i++) {
      const userId = randomUUID();
      await call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Player' });
      removals.push(`/api/game-sessions/${session.id}/participants/${userId}`);
    }
  }
  for (let i = removals.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [removals[i], removals[j]] = [removals[j], removals[i]];
  }
  return { gmToken, removals: removals.slice(0, count) };
}

async function round(port, concurrency, count) {
  const { gmToken, removals } = await prepareRemovals(port, count);
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < removals.length) {
        const res = await call(port, 'DELETE', removals[next++], gmToken);
        if (res.status !== 200) throw new Error(`removal answered ${res.status}`);
        latencies.push(res.ms);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rps: removals.length / seconds, ...summary(latencies) };
}

export async function benchRemoval(port, { rounds, removalsPerRound }) {
  await round(port, 4, removalsPerRound); // warm-up: JIT, pool, caches
  const results = {};
  for (const concurrency of [1, 16]) {
    const runs = [];
    for (let r = 0; r < rounds; r++) runs.push(await round(port, concurrency, removalsPerRound));
    results[concurrency] = Object.fromEntries(['rps', 'p50', 'p99', 'max'].map((k) => [k, spread(runs.map((x) => x[k]))]));
  }
  return results;
}
