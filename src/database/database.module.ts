import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Database } from './database';
import { DatabaseServer } from './database-server';
import { dataSourceOptions, migrate } from './data-source';
import { TransactionScope } from './transaction-scope';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * TypeORM's data source, the Nest way, on the server it needs first: started (embedded) or waited
   * for, then migrated before anything is served. Its factories share the server, so that a start
   * that fails after the embedded server came up stops it again instead of leaving it behind.
   */
  static forRoot(): DynamicModule {
    let server: DatabaseServer | undefined;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            server = await DatabaseServer.start(config);
            // Our own retries say what they wait for; TypeORM's would add a stack trace per attempt.
            return { ...dataSourceOptions(server.url, config.database), autoLoadEntities: true, toRetry: () => false };
          },
          dataSourceFactory: async (options) => {
            let dataSource: DataSource | undefined;
            try {
              dataSource = await server!.connect(options!);
              await migrate(dataSource);
              return dataSource;
            } catch (error) {
              await dataSource?.destroy();
              await server!.stop();
              throw error;
            }
          },
        }),
      ],
      providers: [
        { provide: Database, inject: [DataSource], useFactory: (dataSource: DataSource) => new Database(server!, dataSource) },
        TransactionScope,
      ],
      exports: [Database, TransactionScope],
    };
  }
}
