// Removal latency over real HTTP: the built app as its own process, on PostgreSQL with fsync on,
// a real JWT on every request. Writes docs/benchmarks.json and prints a Markdown table.
//   npm run bench            (embedded PostgreSQL; DATABASE_URL to use another server)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jwt = require('jsonwebtoken');
const { startEmbeddedPostgres } = require('../dist/database/embedded-postgres.js');

const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REMOVALS_PER_ROUND = Number(process.env.BENCH_REMOVALS ?? 400);
const PLAYERS_PER_SESSION = 10;
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(port, method, path, token, body) {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const started = process.hrtime.bigint();
    const req = request(
      { host: '127.0.0.1', port, method, path, agent, headers: {
        authorization: `Bearer ${token}`,
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
      } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined,
        }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const token = (sub) => jwt.sign({ sub }, SECRET, { algorithm: 'HS256', expiresIn: 3600 });
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function startApp(databaseUrl) {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const app = spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, JWT_SECRET: SECRET, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    app.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
    app.stdout.on('data', (chunk) => String(chunk).includes('Serving on') && resolve());
  });
  return { port, stop: () => new Promise((r) => { app.once('exit', r); app.kill('SIGTERM'); }) };
}

/** Sessions with seated players, ready to be removed one by one. */
async function prepareRemovals(port, count) {
  const gm = randomUUID();
  const gmToken = token(gm);
  const removals = [];
  while (removals.length < count) {
    const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'bench' })).body;
    for (let i = 0; i < PLAYERS_PER_SESSION; i++) {
      const userId = randomUUID();
      await call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Player' });
      removals.push(`/api/game-sessions/${session.id}/participants/${userId}`);
    }
  }
  // Shuffled, so that concurrent removals mostly hit different sessions rather than queue on one row lock.
  for (let i = removals.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [removals[i], removals[j]] = [removals[j], removals[i]];
  }
  return { gmToken, removals: removals.slice(0, count) };
}

async function measure(port, concurrency) {
  const { gmToken, removals } = await prepareRemovals(port, REMOVALS_PER_ROUND);
  const latencies = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < removals.length) {
      const res = await call(port, 'DELETE', removals[next++], gmToken);
      if (res.status !== 200) throw new Error(`removal answered ${res.status}`);
      latencies.push(res.ms);
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { rps: removals.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) };
}

const spread = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};

async function main() {
  const folder = mkdtempSync(join(tmpdir(), 'roster-bench-'));
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(folder, 'data'), database: 'bench', persistent: true });
  const app = await startApp(process.env.DATABASE_URL ?? embedded.url);
  const results = {};
  try {
    await measure(app.port, 4); // warm-up: JIT, pool, caches
    for (const concurrency of [1, 16]) {
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) rounds.push(await measure(app.port, concurrency));
      results[`c${concurrency}`] = Object.fromEntries(
        ['rps', 'p50', 'p99', 'max'].map((k) => [k, spread(rounds.map((x) => x[k]))]),
      );
    }
  } finally {
    await app.stop();
    await embedded?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, rounds: ROUNDS, removalsPerRound: REMOVALS_PER_ROUND };
  writeFileSync('docs/benchmarks.json', `${JSON.stringify({ date: new Date().toISOString(), machine, removal: results }, null, 2)}\n`);
  const f = (s) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  console.log(`| concurrency | removals/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`| ${name.slice(1)} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} |`);
  }
  console.log(`\n${JSON.stringify(machine)}; median of ${ROUNDS} rounds, (min–max) across rounds`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
