import { DataSource } from 'typeorm';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { DatabaseTimeouts } from '../config/app-config';
import { MIGRATIONS } from './migrations';

/** Any fixed number: the key of the advisory lock that lets one instance migrate at a time. */
const MIGRATION_LOCK_KEY = 7_306_114;

/** How the application talks to PostgreSQL. The entities come from the feature modules (forFeature). */
export function dataSourceOptions(url: string, timeouts: DatabaseTimeouts): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: timeouts.poolMax,
    // pg's pool waits this long for a new connection and, when full, for a free one.
    connectTimeoutMS: timeouts.connectTimeoutMs,
    applicationName: 'game-session-roster',
    // PoolHealth hears every pooled connection's errors itself (a connection dropped while idle is
    // logged and replaced, never a crash); TypeORM's own handler would only log them a second time.
    poolErrorHandler: () => undefined,
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
  };
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
