import { chown, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ProcessFailed, StartedProcess, spawnWatched, stopProcess, untilItSays } from '../processes/child-processes';
import { EmbeddedPostgresRefused, PostgresRuntime } from './postgres-runtime';

/** English messages, whatever the machine's locale: a failure is recognised by what it says. */
const ENV = { ...process.env, LC_ALL: 'C', LANG: 'C' };
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;

/**
 * Creates a cluster in `dataDir` (which must not hold one): password authentication when given a
 * password, else trust (tests). Owned by the runtime's user when it has one.
 */
export async function initialiseCluster(runtime: PostgresRuntime, dataDir: string, password?: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runtime.user) await chown(dataDir, runtime.user.uid, runtime.user.gid);
  // Beside the data folder, which the server's user can reach; never in it (initdb wants it empty).
  const passwordFile = `${dataDir}.initdb-password`;
  const auth = password === undefined ? ['--auth=trust'] : ['--auth=scram-sha-256', `--pwfile=${passwordFile}`];
  if (password !== undefined) {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runtime.user) await chown(passwordFile, runtime.user.uid, runtime.user.gid);
  }
  try {
    const initdb = spawnWatched(join(runtime.bin, 'initdb'), ['-D', dataDir, '--username=postgres', '--encoding=UTF8', '--locale=C', ...auth], {
      ...runtime.user,
      env: ENV,
    });
    const code = await initdb.exited;
    if (code !== 0) throw new EmbeddedPostgresRefused(`Could not initialise the embedded PostgreSQL in ${dataDir}: ${lastError(initdb.output())}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

export interface RunningPostgres {
  /** A fast shutdown (SIGINT), waited for. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: no shutdown, no goodbye to any client. */
  kill(): Promise<void>;
}

/**
 * Runs the server on `port` of loopback until stopped. In its own process group, so that a Ctrl-C
 * meant for the app reaches the app alone, which drains and then stops it; stopped all the same
 * if this process exits without doing so.
 */
export async function startPostgres(runtime: PostgresRuntime, dataDir: string, port: number, flags: readonly string[]): Promise<RunningPostgres> {
  const server: StartedProcess = spawnWatched(
    join(runtime.bin, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...flags],
    { ...runtime.user, env: ENV, detached: true },
  );
  const lastResort = () => server.child.kill('SIGINT');
  process.once('exit', lastResort);
  void server.exited.then(() => process.off('exit', lastResort));
  try {
    await untilItSays(server, READY, START_TIMEOUT_MS);
  } catch (error) {
    server.child.kill('SIGKILL');
    throw error instanceof ProcessFailed ? startFailure(dataDir, error.output) : error;
  }
  return {
    stop: async () => {
      await stopProcess(server, 'SIGINT');
    },
    kill: async () => {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await exited;
    },
  };
}

function startFailure(dataDir: string, output: string): Error {
  const holder = /Is another postmaster \(PID (\d+)\) running/.exec(output);
  if (holder) {
    return new EmbeddedPostgresRefused(
      `The embedded PostgreSQL's data folder ${dataDir} is in use by another PostgreSQL (pid ${holder[1]}), most likely another npm start of this project: stop that one, or set DATA_DIR to another folder`,
    );
  }
  return new EmbeddedPostgresRefused(`The embedded PostgreSQL in ${dataDir} did not start: ${lastError(output)}`);
}

/** PostgreSQL's own words for why it stopped: its last FATAL, PANIC or ERROR line, else its last line. */
function lastError(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.filter((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line)).at(-1) ?? lines.at(-1) ?? 'no output';
  return error.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '');
}
