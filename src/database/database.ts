import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AppConfig } from '../config/app-config';
import { createDataSource, migrate } from './data-source';
import { describeUnavailable, isDatabaseUnavailable } from './database-unavailable';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { PoolHealth } from './pool-health';

const RETRY_EVERY_MS = 1000;

/** The application's PostgreSQL: the one at DATABASE_URL, or an embedded one it started itself. */
export class Database implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    /** Where it is, for the few clients that need their own connections (the socket.io adapter). */
    readonly url: string,
    readonly dataSource: DataSource,
    readonly health: PoolHealth,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: AppConfig): Promise<Database> {
    const embedded = config.databaseUrl
      ? undefined
      : await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, database: 'roster', persistent: true });
    if (embedded) Database.logger.log(`Started embedded PostgreSQL with its data in ${config.embeddedDataDir}`);
    const url = embedded?.url ?? config.databaseUrl!;
    try {
      // An embedded server is up once started: only a database of its own may still be on its way.
      const dataSource = await Database.reach(url, config, embedded ? 0 : config.database.startupTimeoutMs);
      const health = new PoolHealth((dataSource.driver as PostgresDriver).master as Pool);
      dataSource.subscribers.push(health);
      await migrate(dataSource);
      return new Database(url, dataSource, health, embedded);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  /** Connects, retrying every second while the database is not reachable yet, until `timeoutMs`. */
  private static async reach(
    url: string,
    config: AppConfig,
    timeoutMs: number,
  ): Promise<DataSource> {
    const deadline = Date.now() + timeoutMs;
    const where = new URL(url).host;
    for (;;) {
      // PoolHealth hears every pooled connection's errors itself, idle or not.
      const dataSource = createDataSource(url, config.database, () => undefined);
      try {
        return await dataSource.initialize();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (Date.now() + RETRY_EVERY_MS > deadline) {
          throw new Error(
            `PostgreSQL at ${where} did not become reachable within ${timeoutMs / 1000} s (${describeUnavailable(error)}); giving up`,
          );
        }
        Database.logger.warn(`PostgreSQL at ${where} is not reachable yet (${describeUnavailable(error)}); retrying in ${RETRY_EVERY_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.health.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}
