import { Logger } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { describeUnavailable, isDatabaseUnavailable } from './database-unavailable';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

const RETRY_EVERY_MS = 1000;
const logger = new Logger('Database');

/** The PostgreSQL server the application uses: the one at DATABASE_URL, or an embedded one it started itself. */
export class DatabaseServer {
  private constructor(
    readonly url: string,
    private readonly config: AppConfig,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async start(config: AppConfig): Promise<DatabaseServer> {
    if (config.databaseUrl) return new DatabaseServer(config.databaseUrl, config, undefined);
    const embedded = await startEmbeddedPostgres({
      dataDir: config.embeddedDataDir,
      database: 'roster',
      persistent: true,
      onLog: (message) => logger.log(message),
    });
    logger.log(`Started embedded PostgreSQL with its data in ${embedded.dataDir}`);
    return new DatabaseServer(embedded.url, config, embedded);
  }

  /**
   * Connects, retrying every second while the database is not reachable yet. An embedded server is up
   * once started, so only a server of its own gets the configured time to come up.
   */
  async connect(options: DataSourceOptions): Promise<DataSource> {
    const timeoutMs = this.embedded ? 0 : this.config.database.startupTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    const where = new URL(this.url).host;
    for (;;) {
      try {
        return await new DataSource(options).initialize();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        if (Date.now() + RETRY_EVERY_MS > deadline) {
          throw new Error(
            `PostgreSQL at ${where} did not become reachable within ${timeoutMs / 1000} s (${describeUnavailable(error)}); giving up`,
          );
        }
        logger.warn(`PostgreSQL at ${where} is not reachable yet (${describeUnavailable(error)}); retrying in ${RETRY_EVERY_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
      }
    }
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}
