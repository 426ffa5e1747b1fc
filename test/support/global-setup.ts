import { mkdtempSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, else a throwaway
 * embedded one. Each test file then creates its own database on it (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // The Redis adapter is tested where a Redis answers; nothing else needs one.
  if (await reachable(new URL(redisUrl))) process.env.TEST_REDIS_URL = redisUrl;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'roster-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: join(folder, 'data'), database: 'postgres', persistent: false });
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
  (globalThis as { embeddedPostgres?: typeof server }).embeddedPostgres = server;
}

function reachable(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port || 6379), url.hostname, () => done(true));
  });
}
