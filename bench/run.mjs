// npm run bench: builds, then measures removal (the app against two floors), live fan-out (against a
// bare socket.io broadcast), memory per idle socket, and how removal cost grows.
// Writes docs/benchmarks.json and docs/benchmarks.md; prints Markdown tables.
// BENCH_ROUNDS, BENCH_REMOVALS (per subject and round) tune the size; DATABASE_URL uses that server.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { databaseFloor } from './database-floor.mjs';
import { bareBroadcast, manyTables, oneTable } from './fanout.mjs';
import { benchGrowth } from './growth.mjs';
import { SOCKET_COUNTS, benchMemory } from './memory.mjs';
import { CONCURRENCIES, benchRemoval } from './removal.mjs';
import { POOL_MAX, freePort, startApp, startBareBroadcast, startRuntimeFloor, startStack } from './support.mjs';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REMOVALS = Number(process.env.BENCH_REMOVALS ?? 400);
const FANOUT = { subscribers: 1000, removals: 30, tables: 100, tableSize: 10 };

const num = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const f = (s) => `${num(s.median)} (${num(s.min)}–${num(s.max)})`;
const g = (x) => x.toFixed(2);

async function postgresVersion(url) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** The issue's targets, each with the figure that decides it. */
function targets(removal, live, memory, growth) {
  const t16 = removal[16].versus.runtimeFloor.rpsFraction.median;
  const t1 = removal[1].versus.runtimeFloor.p50Ratio.median;
  // "Within 1.3×", counted from the response: both may arrive before it (negative), so 30% of the floor's magnitude later.
  const fanoutLimit = live.bare.p99 + 0.3 * Math.abs(live.bare.p99);
  const roster = growth.byRoster[1000].p50Ratio;
  const perSocket = memory.app[5000].rssPerSocketKb * 1.024; // KiB to kB
  const row = (what, measured, met) => `| ${what} | ${measured} | ${met ? 'yes' : 'no'} |`;
  return [
    '**Targets** (medians of the paired figures; the tables below hold the rest):\n',
    '| target | measured | met |\n|---|---|---|',
    row('removal throughput at 16 clients ≥ 0.8 × runtime floor', `${g(t16)} ×`, t16 >= 0.8),
    row('sequential removal p50 ≤ 1.25 × runtime floor p50', `${g(t1)} ×`, t1 <= 1.25),
    row(
      `ParticipantLeft to ${FANOUT.subscribers} subscribers: p99 within 1.3 × a bare socket.io broadcast's`,
      `${g(live.oneTable.p99)} ms against ${g(live.bare.p99)} ms`,
      live.oneTable.p99 <= fanoutLimit,
    ),
    row('removal p50 at a 1,000-seat roster ≤ 1.5 × a 10-seat one', `${g(roster)} ×`, roster <= 1.5),
    row('RSS per idle subscribed socket ≤ 10 kB (5,000 sockets)', `${perSocket.toFixed(1)} kB`, perSocket <= 10),
  ].join('\n');
}

function tables(removal, live, memory, growth) {
  const out = [targets(removal, live, memory, growth), ''];
  out.push(`**Removal**: per subject, each round removes ${REMOVALS} participants, in random order, from 10-player sessions`);
  out.push(`prepared through the app's REST API (one share of the same shuffled removals per subject); median of ${ROUNDS} rounds (min–max across rounds).`);
  out.push('`app` = the service over HTTP; `runtime floor` = bench/runtime-floor.mjs (node:http + jose + pg) over HTTP;');
  out.push(`\`database floor\` = the same SQL transaction from a pg.Pool, no HTTP. Every subject has a pool of ${POOL_MAX} connections.\n`);
  out.push('`server CPU` = the user + system CPU time of the subject\'s own process per removal (from /proc; the database floor runs in the load generator).\n');
  out.push('| concurrent clients | subject | removals/s | p50 ms | p99 ms | max ms | server CPU ms per removal |\n|---|---|---|---|---|---|---|');
  for (const c of CONCURRENCIES) {
    const r = removal[c];
    for (const [name, s] of [['app', r], ['runtime floor', r.runtimeFloor], ['database floor', r.databaseFloor]]) {
      out.push(`| ${c} | ${name} | ${f(s.rps)} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} | ${s.cpuMsPerRemoval ? f(s.cpuMsPerRemoval) : '–'} |`);
    }
  }
  out.push('\n**The app against each floor**, paired within each round (median (min–max) across rounds):\n');
  out.push('| concurrent clients | floor | app rps ÷ floor rps | app p50 ÷ floor p50 | app p50 − floor p50 (ms) |\n|---|---|---|---|---|');
  for (const c of CONCURRENCIES) {
    for (const [name, v] of [['runtime', removal[c].versus.runtimeFloor], ['database', removal[c].versus.databaseFloor]]) {
      out.push(`| ${c} | ${name} | ${f(v.rpsFraction)} | ${f(v.p50Ratio)} | ${f(v.p50OverheadMs)} |`);
    }
  }
  out.push(`\n**Live fan-out**: time from the DELETE response (the floor: the POST response) to ParticipantLeft at each client,`);
  out.push(`${FANOUT.removals} removals one after another, over all arrivals. Negative: the client heard it before the response arrived.\n`);
  out.push('| subject | p50 ms | p99 ms | max ms |\n|---|---|---|---|');
  for (const [name, s] of [
    [`bare socket.io broadcast to ${FANOUT.subscribers} clients (floor)`, live.bare],
    [`app, ${FANOUT.subscribers} subscribers on one session`, live.oneTable],
    [`app, ${FANOUT.subscribers} subscribers over two instances (removal made on one)`, live.twoInstances],
    [`app, ${FANOUT.tables} sessions of ${FANOUT.tableSize} subscribers`, live.manyTables],
  ]) {
    out.push(`| ${name} | ${g(s.p50)} | ${g(s.p99)} | ${g(s.max)} |`);
  }
  out.push(`\nThe app's p99 minus the floor's: ${g(live.oneTable.p99 - live.bare.p99)} ms (one instance), ${g(live.twoInstances.p99 - live.bare.p99)} ms (two).`);
  out.push(`\n**Memory**: resident set (RSS) and, after a full garbage collection, JS heap + external memory, with idle sockets:`);
  out.push('the app\'s each its own user subscribed to a session of 100 (sessions and seats made before the first figure);');
  out.push('the floor\'s (bench/bare-broadcast.mjs) each in one room.\n');
  out.push('| subject | sockets | RSS MiB | heap + external MiB | RSS per socket KiB | heap + external per socket KiB |\n|---|---|---|---|---|---|');
  const mib = (kb) => (kb / 1024).toFixed(1);
  for (const [name, m] of [['app', memory.app], ['bare socket.io', memory.bare]]) {
    out.push(`| ${name} | 0 | ${mib(m.atRest.rssKb)} | ${mib(m.atRest.heapKb)} | – | – |`);
    for (const n of SOCKET_COUNTS) out.push(`| ${name} | ${n} | ${mib(m[n].rssKb)} | ${mib(m[n].heapKb)} | ${m[n].rssPerSocketKb.toFixed(1)} | ${m[n].heapPerSocketKb.toFixed(1)} |`);
  }
  out.push('\n**Growth**: sequential removal latency against the roster size (the app, and the database floor: the same SQL from a bare');
  out.push('pg client, on a roster of the same size; each removal leaves at least that many seats; 3 rounds of every size in turn, medians,');
  out.push('each ratio taken within its round), and against the number of sessions stored.\n');
  out.push('| case | app p50 ms | app p99 ms | app p50 ÷ roster-of-10 p50 | database floor p50 ms | floor p50 ÷ its roster-of-10 p50 |\n|---|---|---|---|---|---|');
  for (const [seats, s] of Object.entries(growth.byRoster)) {
    out.push(`| roster of ${seats} | ${g(s.p50)} | ${g(s.p99)} | ${g(s.p50Ratio)} | ${g(s.databaseFloor.p50)} | ${g(s.databaseFloor.p50Ratio)} |`);
  }
  for (const s of Object.values(growth.bySessions)) out.push(`| 10-player session, ${s.sessions} sessions stored | ${g(s.p50)} | ${g(s.p99)} | – | – | – |`);
  return out.join('\n');
}

/** Fan-out against the bare floor, on one and on two instances, and on many small sessions. */
async function measureLive(stack) {
  const floor = await startBareBroadcast();
  const second = await startApp(stack.databaseUrl);
  try {
    const { subscribers, removals, tables, tableSize } = FANOUT;
    return {
      bare: await bareBroadcast(floor.port, floor.url, subscribers, removals),
      oneTable: await oneTable(stack.port, [stack.url], subscribers, removals),
      twoInstances: await oneTable(stack.port, [stack.url, second.url], subscribers, removals),
      manyTables: await manyTables(stack.port, stack.url, tables, tableSize, 1),
    };
  } finally {
    await floor.stop();
    await second.stop();
  }
}

/** On processes of their own, so that "at rest" means it, each with its inspector open on loopback. */
async function measureMemory(databaseUrl) {
  const [appInspector, bareInspector] = [await freePort(), await freePort()];
  const app = await startApp(databaseUrl, { nodeArgs: [`--inspect=127.0.0.1:${appInspector}`] });
  const bare = await startBareBroadcast({ nodeArgs: [`--inspect=127.0.0.1:${bareInspector}`] });
  try {
    return await benchMemory({ ...app, inspectorPort: appInspector }, { ...bare, inspectorPort: bareInspector });
  } finally {
    await app.stop();
    await bare.stop();
  }
}

async function main() {
  const started = Date.now();
  const stack = await startStack();
  let removal;
  let live;
  let memory;
  let growth;
  let postgres;
  try {
    postgres = await postgresVersion(stack.databaseUrl);
    const floor = await startRuntimeFloor(stack.databaseUrl);
    const dbFloor = databaseFloor(stack.databaseUrl, POOL_MAX);
    try {
      removal = await benchRemoval(
        { appPort: stack.port, appPid: stack.pid, runtimeFloorPort: floor.port, runtimeFloorPid: floor.pid, databaseFloor: dbFloor },
        {
          rounds: ROUNDS,
          removalsPerRound: REMOVALS,
          onRound: (c, r, x) =>
            console.error(`c${c} round ${r + 1}: ${Object.entries(x).map(([k, v]) => `${k} ${v.rps.toFixed(0)}/s p50 ${v.p50.toFixed(2)}ms`).join(', ')}`),
        },
      );
    } finally {
      await floor.stop();
      await dbFloor.stop();
    }
    live = await measureLive(stack);
    memory = await measureMemory(stack.databaseUrl);
    growth = await benchGrowth(stack.port, stack.databaseUrl);
  } finally {
    await stack.stop();
  }
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    postgres,
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded, fsync on',
    poolMax: POOL_MAX,
    rounds: ROUNDS,
    removalsPerRound: REMOVALS,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  const date = new Date().toISOString();
  writeFileSync('docs/benchmarks.json', `${JSON.stringify({ date, command: 'npm run bench', machine, removal, live, memory, growth }, null, 2)}\n`);
  const body = tables(removal, live, memory, growth);
  writeFileSync(
    'docs/benchmarks.md',
    [
      '# Benchmarks',
      '',
      `Produced by \`npm run bench\` on ${date} (figures also in \`docs/benchmarks.json\`).`,
      '',
      `Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, PostgreSQL ${postgres} (${machine.database}).`,
      'Load generator, app, runtime floor and database share these cores, so the tail latencies are mostly queueing:',
      'they are reported, but the ratios to the floors, measured in the same run on the same data, decide.',
      `The run (after the build) took ${machine.seconds} s.`,
      '',
      body,
      '',
      readFileSync(new URL('./analysis.md', import.meta.url), 'utf8'),
    ].join('\n'),
  );
  console.log(`${body}\n\n${JSON.stringify(machine)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
