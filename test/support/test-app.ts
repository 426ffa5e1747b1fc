import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig, loadAppConfig } from '../../src/config/app-config';
import { TestDatabase, createTestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './tokens';

export interface TestApp {
  readonly app: INestApplication;
  readonly http: App;
  readonly dataSource: DataSource;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/** The real application, on its own fresh PostgreSQL database, as `npm start` wires it. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadAppConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'] }));
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
