import { mkdtempSync } from 'node:fs';
import { chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freeLoopbackPort } from '../../src/processes/child-processes';
import { RunningPostgres, initialiseCluster, startPostgres } from '../../src/database/postgres-process';
import { postgresRuntime } from '../../src/database/postgres-runtime';

export interface KillablePostgres {
  /** The application database on this server (the same URL before and after a restart). */
  readonly url: string;
  /** SIGKILL to the postmaster, as a crash would: no shutdown, no goodbye to any client. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder; resolves once it accepts connections. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A PostgreSQL of the test's own, run as the app runs its embedded one, so that a test can crash it and bring it back. */
export async function startKillablePostgres(): Promise<KillablePostgres> {
  const runtime = await postgresRuntime(() => undefined);
  const folder = mkdtempSync(join(tmpdir(), 'roster-killable-pg-'));
  if (runtime.user) await chmod(folder, 0o755);
  const dataDir = join(folder, 'data');
  await initialiseCluster(runtime, dataDir);
  const port = await freeLoopbackPort();
  const start = () => startPostgres(runtime, dataDir, port, ['-c', 'fsync=off']);
  let server: RunningPostgres | undefined = await start();
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE roster');
  await admin.end();

  return {
    url: `${base}/roster`,
    kill: async () => {
      await server?.kill();
      server = undefined;
    },
    restart: async () => {
      // Backends orphaned by the kill may hold the old shared memory a moment longer: start refuses until then.
      for (let attempt = 1; ; attempt++) {
        try {
          server = await start();
          return;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    stop: async () => {
      await server?.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
