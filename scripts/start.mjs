#!/usr/bin/env node
// npm start: builds what is out of date (nothing, when nothing changed since the last build), refuses
// to start beside an npm start of this project that holds the same port or data folder, then runs
// dist/main.js in this very process, so that signals and the exit code are the app's own.
//   node scripts/start.mjs          build if needed, then start
//   node scripts/start.mjs --check  say whether a build is needed, and exit (0: up to date, 1: not)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const INPUTS = ['src', 'console', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const OUTPUTS = ['dist/main.js', 'dist-console/index.html'];
const RUNNING = join(ROOT, 'node_modules', '.cache', 'game-session-roster');

/** Why a build is needed (the first input newer than the build, or a missing output), or undefined. */
function staleness() {
  const missing = OUTPUTS.find((output) => !existsSync(join(ROOT, output)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...OUTPUTS.map((output) => statSync(join(ROOT, output)).mtimeMs));
  const changed = INPUTS.flatMap(files).find((file) => statSync(file).mtimeMs > built);
  return changed && `${relative(ROOT, changed)} changed since the last build`;
}

function files(input) {
  const path = join(ROOT, input);
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The npm starts of this project that are still running (their files name pid, port and data folder). */
function runningStarts() {
  if (!existsSync(RUNNING)) return [];
  return readdirSync(RUNNING)
    .filter((name) => name.startsWith('start-') && name.endsWith('.json'))
    .map((name) => ({ file: join(RUNNING, name), ...JSON.parse(readFileSync(join(RUNNING, name), 'utf8')) }))
    .filter((start) => alive(start.pid) || (unlinkSync(start.file), false));
}

/** Alive and still an npm start (a pid left by a start that was killed may have been given to another process). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  const commandLine = `/proc/${pid}/cmdline`;
  return !existsSync(commandLine) || readFileSync(commandLine, 'utf8').includes('scripts/start.mjs');
}

function refuse(sentence) {
  process.stderr.write(`${sentence}\n`);
  process.exit(1);
}

const stale = staleness();
if (process.argv.includes('--check')) {
  process.stdout.write(stale ? `A build is needed: ${stale}\n` : 'dist/ and dist-console/ are up to date\n');
  process.exit(stale ? 1 : 0);
}

const port = Number(process.env.PORT || 3000);
const dataDir = resolve(ROOT, process.env.DATA_DIR || '.data');
const embedded = !process.env.DATABASE_URL;
const others = runningStarts();
const clash = others.find((other) => other.port === port || (embedded && other.embedded && other.dataDir === dataDir));
if (clash) {
  refuse(
    `npm start is already running in this project (pid ${clash.pid}, port ${clash.port}, data in ${clash.dataDir}): ` +
      'stop it (Ctrl-C in its terminal), or give this one its own PORT and DATA_DIR',
  );
}
if (stale) {
  if (others.length > 0) {
    refuse(`A build is needed (${stale}), but npm start (pid ${others[0].pid}) runs from dist/: stop it first, then npm start again`);
  }
  process.stdout.write(`Building: ${stale}\n`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) refuse(`The build failed (npm run build exited with ${build.status ?? build.signal}): see its output above`);
}

mkdirSync(RUNNING, { recursive: true });
const mine = join(RUNNING, `start-${createHash('sha256').update(`${port}:${dataDir}`).digest('hex').slice(0, 16)}.json`);
writeFileSync(mine, JSON.stringify({ pid: process.pid, port, dataDir, embedded }));
process.on('exit', () => {
  if (existsSync(mine)) unlinkSync(mine);
});
process.chdir(ROOT);
await import(pathToFileURL(join(ROOT, 'dist', 'main.js')).href);
