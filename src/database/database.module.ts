import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Database } from './database';
import { TransactionScope } from './transaction-scope';

@Global()
@Module({
  providers: [
    { provide: Database, inject: [AppConfig], useFactory: (config: AppConfig) => Database.open(config) },
    { provide: DataSource, inject: [Database], useFactory: (database: Database) => database.dataSource },
    TransactionScope,
  ],
  exports: [Database, DataSource, TransactionScope],
})
export class DatabaseModule {}
