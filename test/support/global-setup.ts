import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One PostgreSQL for the whole run: the server at DATABASE_URL when set, else a throwaway
 * embedded one. Each test file then creates its own database on it (test/support/test-database.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'roster-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir: join(folder, 'data'), database: 'postgres', persistent: false });
  process.env.TEST_DATABASE_ADMIN_URL = server.adminUrl;
  (globalThis as { embeddedPostgres?: typeof server }).embeddedPostgres = server;
}
