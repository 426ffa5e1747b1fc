// What every benchmark shares: the built app as its own process on PostgreSQL with fsync on
// (embedded unless DATABASE_URL is set), a real JWT on every request, and the statistics.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { startEmbeddedPostgres } = require('../dist/database/embedded-postgres.js');
const { freeLoopbackPort, spawnWatched, stopProcess, untilItSays } = require('../dist/processes/child-processes.js');

export const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
/** Pooled connections of the app, the runtime floor and the database floor alike. */
export const POOL_MAX = Number(process.env.DB_POOL_MAX ?? 10);
// Idle sockets are dropped before the servers' 5 s keep-alive timeout can race a reuse (ECONNRESET).
const agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: 4000 });

export const token = (sub) => jwt.sign({ sub }, SECRET, { algorithm: 'HS256', expiresIn: 3600 });

/** One HTTP request on a kept-alive connection; resolves with status, body and milliseconds taken. */
export function call(port, method, path, bearer, body) {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const started = process.hrtime.bigint();
    const headers = { authorization: `Bearer ${bearer}` };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined,
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** User + system CPU time a process has used so far, in milliseconds (Linux /proc, 10 ms ticks). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) };
}

/** Median and range of one figure across repeated rounds. */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

/** Starts PostgreSQL (unless DATABASE_URL) and the app; `stop` tears both down. */
export async function startStack({ nodeArgs = [] } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'roster-bench-'));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(folder, 'data'), database: 'bench', persistent: true });
  const databaseUrl = process.env.DATABASE_URL ?? embedded.url;
  const app = await startApp(databaseUrl, { nodeArgs });
  return {
    ...app,
    databaseUrl,
    stop: async () => {
      await app.stop();
      await embedded?.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export { freeLoopbackPort as freePort, stopProcess };

/** One app instance (dist/main.js) on `databaseUrl`; several share events through the database. */
export async function startApp(databaseUrl, { nodeArgs = [] } = {}) {
  const port = await freeLoopbackPort();
  const child = await startProcess([...nodeArgs, 'dist/main.js'], {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: String(POOL_MAX),
    JWT_SECRET: SECRET,
    NODE_ENV: 'production',
    // One GM drives the whole load: the per-user and per-address limits would measure themselves.
    ...Object.fromEntries(['USER', 'IP', 'SOCKET'].flatMap((k) => [[`RATE_LIMIT_${k}_BURST`, '1000000'], [`RATE_LIMIT_${k}_PER_SECOND`, '1000000']])),
  });
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, startedAt: child.startedAt, stop: () => stopProcess(child) };
}

/** The fan-out floor: bench/bare-broadcast.mjs, a socket.io server with nothing else. */
export async function startBareBroadcast({ nodeArgs = [] } = {}) {
  const port = await freeLoopbackPort();
  const child = await startProcess([...nodeArgs, new URL('./bare-broadcast.mjs', import.meta.url).pathname], { PORT: String(port) });
  return { port, url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopProcess(child) };
}

/** Runs a Node script as a child process and waits for it to log "Serving on". */
export async function startProcess(args, env) {
  const started = spawnWatched(process.execPath, args, { env: { ...process.env, ...env } });
  const startedAt = Date.now();
  await untilItSays(started, 'Serving on', 60_000);
  return { ...started, pid: started.child.pid, startedAt };
}

/** The runtime floor (bench/runtime-floor.mjs) on its own port, on the app's database. */
export async function startRuntimeFloor(databaseUrl, { nodeArgs = [] } = {}) {
  const port = await freeLoopbackPort();
  const child = await startProcess([...nodeArgs, new URL('./runtime-floor.mjs', import.meta.url).pathname], {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: String(POOL_MAX),
    JWT_SECRET: SECRET,
  });
  return { port, pid: child.pid, startedAt: child.startedAt, stop: () => stopProcess(child) };
}
