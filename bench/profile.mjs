// npm run bench:profile [-- large|floor]: where the app's CPU goes during removals, from `node --cpu-prof`.
// Default: removals from 10-player sessions, one client then 16; `large`: removals from a
// 1,000-seat roster, one client; `floor`: the default's removals, profiling the runtime floor instead. Prints busy CPU by the package that owns each sample, and the
// hottest functions; only samples taken under load count (start-up and preparation are left out).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRemovals } from './removal.mjs';
import { seedSession, withDatabase } from './seed-sql.mjs';
import { call, startRuntimeFloor, startStack, token } from './support.mjs';

const scenario = process.argv[2] ?? 'removal';
const folder = mkdtempSync(join(tmpdir(), 'roster-profile-'));

async function drive(port, gmToken, removals, concurrency) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < removals.length) {
        const { sessionId, userId } = removals[next++];
        const res = await call(port, 'DELETE', `/api/game-sessions/${sessionId}/participants/${userId}`, gmToken);
        if (res.status !== 200) throw new Error(`removal answered ${res.status}`);
      }
    }),
  );
}

async function prepare(stack) {
  if (scenario === 'large') {
    const gm = crypto.randomUUID();
    const session = await withDatabase(stack.databaseUrl, (db) => seedSession(db, gm, 1000));
    return { gmToken: token(gm), batches: [[session.guests.slice(0, 600).map((userId) => ({ sessionId: session.id, userId })), 1]] };
  }
  const { gmToken, removals } = await prepareRemovals(stack.port, 2400);
  return { gmToken, batches: [[removals.slice(0, 800), 1], [removals.slice(800), 16]] };
}

/** The package a frame belongs to: the app's own code, a dependency, or Node itself. */
function owner(url) {
  if (!url) return null;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1];
  if (url.includes('/dist/')) return 'the app (dist/)';
  return null;
}

function summarise(profile, fromMicros) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byOwner = new Map();
  const byFunction = new Map();
  let t = profile.startTime;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t - profile.startTime < fromMicros) return;
    const leaf = nodes.get(id);
    const name = leaf.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    busy++;
    // Native and node:internal frames count for the nearest package above them that called them.
    let who = name === '(garbage collector)' ? 'garbage collector' : null;
    for (let n = leaf; !who && n; n = nodes.get(parent.get(n.id))) who = owner(n.callFrame.url);
    who ??= 'node itself';
    byOwner.set(who, (byOwner.get(who) ?? 0) + 1);
    const fn = `${name || '(anonymous)'} ${leaf.callFrame.url.split('/').slice(-2).join('/')}:${leaf.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + 1);
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `| ${((100 * v) / busy).toFixed(1)}% | ${k} |`);
  return [
    `${busy} busy samples under load (scenario: ${scenario})`,
    '\n| share of busy CPU | owner |\n|---|---|',
    ...top(byOwner, 15),
    '\n| self time | hottest functions |\n|---|---|',
    ...top(byFunction, 25),
  ].join('\n');
}

const profiled = ['--cpu-prof', `--cpu-prof-dir=${folder}`];
// `floor`: the same removals against bench/runtime-floor.mjs, for comparison; the app only prepares them.
const stack = await startStack({ nodeArgs: scenario === 'floor' ? [] : profiled });
try {
  const { gmToken, batches } = await prepare(stack);
  const floor = scenario === 'floor' ? await startRuntimeFloor(stack.databaseUrl, { nodeArgs: profiled }) : undefined;
  const subject = floor ?? stack;
  const loadFrom = (Date.now() - subject.startedAt) * 1000;
  for (const [removals, concurrency] of batches) await drive(subject.port, gmToken, removals, concurrency);
  await floor?.stop();
  await stack.stop();
  const [file] = readdirSync(folder).filter((f) => f.endsWith('.cpuprofile'));
  console.log(summarise(JSON.parse(readFileSync(join(folder, file), 'utf8')), loadFrom));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
