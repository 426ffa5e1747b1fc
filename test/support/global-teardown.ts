import { EmbeddedPostgres } from '../../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedPostgres?: EmbeddedPostgres }).embeddedPostgres?.stop();
}
