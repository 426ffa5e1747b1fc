import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { loadAppConfig } from '../../src/config/app-config';
import { TestDatabase, createTestDatabase } from './test-database';
import { TEST_JWT_SECRET } from './tokens';

/** Tests send bursts no client should; the rate-limit tests set their own limits. */
export const UNLIMITED = Object.fromEntries(
  ['USER', 'IP', 'SOCKET'].flatMap((who) => [
    [`RATE_LIMIT_${who}_BURST`, '1000000'],
    [`RATE_LIMIT_${who}_PER_SECOND`, '1000000'],
  ]),
);

export interface TestApp {
  readonly app: INestApplication;
  /** Where it listens, on loopback: for socket clients. */
  readonly url: string;
  readonly http: App;
  readonly dataSource: DataSource;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application, listening on loopback, as `npm start` wires it: on a fresh database of its
 * own, or on `shared` (another instance's), which it then leaves to its owner to drop.
 */
export async function startTestApp(env: Record<string, string> = {}, shared?: TestDatabase): Promise<TestApp> {
  const database = shared ?? (await createTestDatabase());
  const config = loadAppConfig({ DATABASE_URL: database.url, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent', ...UNLIMITED, ...env });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.of(config)] }).compile();
  const app = await configureApp(moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error', 'warn'], bodyParser: false }));
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    database,
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}

/**
 * For a describe block: the app starts before its tests and closes after them. The object it
 * returns reads through to that app, so tests write `t.http` as with `startTestApp`.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(env);
  });
  afterAll(() => started?.close());
  const current = (): TestApp => {
    if (!started) throw new Error('the test app starts in beforeAll');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get url() {
      return current().url;
    },
    get http() {
      return current().http;
    },
    get dataSource() {
      return current().dataSource;
    },
    get database() {
      return current().database;
    },
    close: () => current().close(),
  };
}
