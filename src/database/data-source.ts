import { DataSource } from 'typeorm';
import { DatabaseTimeouts } from '../config/app-config';
import { GAME_SESSION_ORM_ENTITIES } from '../game-sessions/infrastructure/typeorm';
import { MIGRATIONS } from './migrations';

/** Any fixed number: the key of the advisory lock that lets one instance migrate at a time. */
const MIGRATION_LOCK_KEY = 7_306_114;

export function createDataSource(
  url: string,
  timeouts: DatabaseTimeouts,
  onPoolError: (error: Error) => void,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: GAME_SESSION_ORM_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: timeouts.poolMax,
    // pg's pool waits this long for a new connection and, when full, for a free one.
    connectTimeoutMS: timeouts.connectTimeoutMs,
    applicationName: 'game-session-roster',
    // A connection dropped while idle in the pool is logged and replaced, never a crash.
    poolErrorHandler: onPoolError,
    extra: {
      statement_timeout: timeouts.statementTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
      // Leaves a little room past the server's own statement timeout before the client gives up.
      query_timeout: timeouts.statementTimeoutMs + 1000,
      idleTimeoutMillis: 30_000,
      // The kernel probes idle connections, so one a NAT or firewall forgot fails instead of hanging.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  });
}

/** Applies pending migrations; instances starting together take turns under an advisory lock. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
