// Removal at 1, 16 and 64 concurrent clients, for three subjects on the same prepared data:
//   app            the built app over HTTP, a real JWT on every request;
//   runtimeFloor   bench/runtime-floor.mjs over HTTP: node:http + jose + pg, same JWT, SQL, JSON;
//   databaseFloor  the same SQL transaction straight from a pg.Pool, no HTTP.
// Each round prepares sessions through the app's REST API, shuffles the removals and splits them in
// three equal shares, then runs the subjects one after another (in a rotating order).
import { randomUUID } from 'node:crypto';
import { call, cpuMs, spread, summary, token } from './support.mjs';

const PLAYERS_PER_SESSION = 10;
const PREPARE_CONCURRENCY = 8;
export const CONCURRENCIES = [1, 16, 64];
export const SUBJECTS = ['app', 'runtimeFloor', 'databaseFloor'];

/** Sessions of 10 seated players, made through the app's REST API (sessions in parallel). */
export async function prepareRemovals(port, count) {
  const gm = randomUUID();
  const gmToken = token(gm);
  const removals = [];
  const sessions = Math.ceil(count / PLAYERS_PER_SESSION);
  let made = 0;
  await Promise.all(
    Array.from({ length: PREPARE_CONCURRENCY }, async () => {
      while (made < sessions) {
        made++;
        const created = await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'bench' });
        if (created.status !== 201) throw new Error(`create answered ${created.status}`);
        for (let i = 0; i < PLAYERS_PER_SESSION; i++) {
          const userId = randomUUID();
          const added = await call(port, 'POST', `/api/game-sessions/${created.body.id}/participants`, gmToken, { userId, type: 'Player' });
          if (added.status !== 201) throw new Error(`add answered ${added.status}`);
          removals.push({ sessionId: created.body.id, userId });
        }
      }
    }),
  );
  for (let i = removals.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [removals[i], removals[j]] = [removals[j], removals[i]];
  }
  return { gm, gmToken, removals: removals.slice(0, count) };
}

/** `concurrency` clients drain the list; each removal is timed by `remove`, which resolves with ms. */
async function drive(removals, concurrency, remove) {
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < removals.length) latencies.push(await remove(removals[next++]));
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { rps: removals.length / seconds, ...summary(latencies) };
}

function overHttp(port, gmToken) {
  return async ({ sessionId, userId }) => {
    const res = await call(port, 'DELETE', `/api/game-sessions/${sessionId}/participants/${userId}`, gmToken);
    if (res.status !== 200 || res.body.version === undefined) throw new Error(`removal answered ${res.status}`);
    return res.ms;
  };
}

/** One round: 3 × `count` fresh removals, one share per subject. */
async function round(subjects, appPort, concurrency, count, order) {
  const { gm, gmToken, removals } = await prepareRemovals(appPort, count * SUBJECTS.length);
  const removers = {
    app: overHttp(subjects.appPort, gmToken),
    runtimeFloor: overHttp(subjects.runtimeFloorPort, gmToken),
    databaseFloor: ({ sessionId, userId }) => subjects.databaseFloor.remove(sessionId, userId, gm),
  };
  // The server's own CPU time per removal, from /proc (the database floor runs inside this process).
  const pids = { app: subjects.appPid, runtimeFloor: subjects.runtimeFloorPid };
  const result = {};
  for (const [i, name] of order.entries()) {
    const cpuBefore = pids[name] && cpuMs(pids[name]);
    result[name] = await drive(removals.slice(i * count, (i + 1) * count), concurrency, removers[name]);
    if (pids[name]) result[name].cpuMsPerRemoval = (cpuMs(pids[name]) - cpuBefore) / count;
  }
  return result;
}

const shape = (v) =>
  v === null ? 'null' : Array.isArray(v) ? [shape(v[0])] : typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape(v[k])])) : typeof v;

/** Before measuring: the runtime floor answers the app's JSON and writes the app's event, for one removal each. */
async function sameShapes(subjects) {
  const { gmToken, removals } = await prepareRemovals(subjects.appPort, 10);
  const [a, b] = removals;
  const path = (r) => `/api/game-sessions/${r.sessionId}/participants/${r.userId}`;
  const fromApp = await call(subjects.appPort, 'DELETE', path(a), gmToken);
  const fromFloor = await call(subjects.runtimeFloorPort, 'DELETE', path(b), gmToken);
  const events = (await call(subjects.appPort, 'GET', `/api/game-sessions/${a.sessionId}/events?afterSeq=0&limit=100`, gmToken)).body.items;
  const left = (r) => events.find((e) => e.event === 'ParticipantLeft' && e.userId === r.userId);
  const pairs = [
    ['response', fromApp.body, fromFloor.body],
    ['ParticipantLeft event', left(a), left(b)],
  ];
  for (const [what, x, y] of pairs) {
    if (JSON.stringify(shape(x)) !== JSON.stringify(shape(y))) throw new Error(`runtime floor ${what} differs: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  }
  if (fromFloor.body.version !== fromApp.body.version + 1 || fromFloor.body.players.length !== fromApp.body.players.length - 1) {
    throw new Error('runtime floor and app disagree on the session');
  }
}

/**
 * subjects: { appPort, appPid, runtimeFloorPort, runtimeFloorPid, databaseFloor: { remove(sessionId, userId, actorId) } }.
 * Returns, per concurrency: the app's figures (rps, p50, p99, max as spreads across rounds, as before),
 * the same for each floor, and per-round paired comparisons with each floor.
 */
export async function benchRemoval(subjects, { rounds, removalsPerRound, onRound = () => undefined }) {
  await sameShapes(subjects);
  await round(subjects, subjects.appPort, 4, Math.min(200, removalsPerRound), SUBJECTS); // warm-up: JIT, pools, caches
  const results = {};
  for (const concurrency of CONCURRENCIES) {
    const runs = [];
    for (let r = 0; r < rounds; r++) {
      const order = SUBJECTS.map((_, i) => SUBJECTS[(i + r) % SUBJECTS.length]); // nobody always goes first
      runs.push(await round(subjects, subjects.appPort, concurrency, removalsPerRound, order));
      onRound(concurrency, r, runs.at(-1));
    }
    const figures = (name) =>
      Object.fromEntries(['rps', 'p50', 'p99', 'max', 'cpuMsPerRemoval'].filter((k) => k in runs[0][name]).map((k) => [k, spread(runs.map((x) => x[name][k]))]));
    const versus = (floor) => ({
      rpsFraction: spread(runs.map((x) => x.app.rps / x[floor].rps)),
      p50Ratio: spread(runs.map((x) => x.app.p50 / x[floor].p50)),
      p50OverheadMs: spread(runs.map((x) => x.app.p50 - x[floor].p50)),
    });
    results[concurrency] = {
      ...figures('app'),
      runtimeFloor: figures('runtimeFloor'),
      databaseFloor: figures('databaseFloor'),
      versus: { runtimeFloor: versus('runtimeFloor'), databaseFloor: versus('databaseFloor') },
    };
  }
  return results;
}
