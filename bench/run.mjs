// npm run bench: builds, then measures removal latency and live fan-out against one app process.
// Writes docs/benchmarks.json; prints Markdown tables. BENCH_ROUNDS, BENCH_REMOVALS tune the size.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { benchFanout } from './fanout.mjs';
import { benchRemoval } from './removal.mjs';
import { startStack } from './support.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const REMOVALS = Number(process.env.BENCH_REMOVALS ?? 400);

const f = (s) => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
const g = (x) => x.toFixed(2);

async function main() {
  const stack = await startStack();
  let removal;
  let fanout;
  try {
    removal = await benchRemoval(stack.port, { rounds: ROUNDS, removalsPerRound: REMOVALS });
    fanout = await benchFanout(stack.url, stack.port, { subscribers: 50, removals: 200 });
  } finally {
    await stack.stop();
  }
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, rounds: ROUNDS, removalsPerRound: REMOVALS };
  writeFileSync('docs/benchmarks.json', `${JSON.stringify({ date: new Date().toISOString(), machine, removal, fanout }, null, 2)}\n`);

  console.log('Removal over HTTP, median of rounds (min–max)\n');
  console.log('| concurrent clients | removals/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|');
  for (const [c, r] of Object.entries(removal)) console.log(`| ${c} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p99)} | ${f(r.max)} |`);
  console.log(`\nParticipantLeft to ${fanout.subscribers} subscribers, ${fanout.removals} removals one after another\n`);
  console.log('| measured from | p50 ms | p99 ms | max ms |\n|---|---|---|---|');
  for (const [name, s] of [['the DELETE response', fanout.fromResponse], ['the DELETE request', fanout.fromRequest]]) {
    console.log(`| ${name} | ${g(s.p50)} | ${g(s.p99)} | ${g(s.max)} |`);
  }
  console.log(`\n${JSON.stringify(machine)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
