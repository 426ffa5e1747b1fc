import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { createDataSource, migrate } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

/** The application's PostgreSQL: the one at DATABASE_URL, or an embedded one it started itself. */
export class Database implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');

  private constructor(
    /** Where it is, for the few clients that need their own connections (the socket.io adapter). */
    readonly url: string,
    readonly dataSource: DataSource,
    private readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async open(config: AppConfig): Promise<Database> {
    const embedded = config.databaseUrl
      ? undefined
      : await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, database: 'roster', persistent: true });
    if (embedded) Database.logger.log(`Started embedded PostgreSQL with its data in ${config.embeddedDataDir}`);
    const url = embedded?.url ?? config.databaseUrl!;
    try {
      const dataSource = createDataSource(url, config.database, (error) =>
        Database.logger.warn(`A pooled PostgreSQL connection failed: ${error.message}`),
      );
      await dataSource.initialize();
      await migrate(dataSource);
      return new Database(url, dataSource, embedded);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}
