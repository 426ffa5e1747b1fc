import { OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DatabaseServer } from './database-server';
import { PoolHealth } from './pool-health';

/** The application's connected, migrated database, and how healthy its pool is. */
export class Database implements OnApplicationShutdown {
  readonly health: PoolHealth;

  constructor(
    private readonly server: DatabaseServer,
    readonly dataSource: DataSource,
  ) {
    this.health = new PoolHealth((dataSource.driver as PostgresDriver).master as Pool);
    dataSource.subscribers.push(this.health);
  }

  /** Where it is, for the few clients that need their own connections (the socket.io adapter). */
  get url(): string {
    return this.server.url;
  }

  /** Whichever of TypeORM's shutdown and this one runs first closes the pool; the server stops last. */
  async onApplicationShutdown(): Promise<void> {
    this.health.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}
