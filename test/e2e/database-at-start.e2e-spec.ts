import request from 'supertest';
import { spawnApp } from '../support/app-process';
import { TcpProxy, startTcpProxy } from '../support/tcp-proxy';
import { TestDatabase, createTestDatabase } from '../support/test-database';

const WAITING = /PostgreSQL at 127\.0\.0\.1:\d+ is not reachable yet \(ECONNREFUSED\); retrying in 1 s/g;

describe('The app starts before its database is up', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let viaProxy: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    proxy = await startTcpProxy(direct.hostname, Number(direct.port));
    const url = new URL(database.url);
    url.port = String(proxy.port);
    viaProxy = url.toString();
  });
  afterAll(async () => {
    await proxy.close();
    await database.drop();
  });

  it('says it is waiting, retries every second, and serves once the database is up', async () => {
    await proxy.cut();
    setTimeout(() => void proxy.restore(), 4000);

    const app = await spawnApp(viaProxy, { DB_STARTUP_TIMEOUT_MS: '20000' });
    try {
      await request(app.url).get('/health/ready').expect(200);
      expect(app.output().match(WAITING)?.length).toBeGreaterThanOrEqual(2);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  }, 30_000);

  it('gives up with one clear line and exit code 1 once DB_STARTUP_TIMEOUT_MS has passed', async () => {
    await proxy.cut();
    const started = Date.now();

    const failure = await spawnApp(viaProxy, { DB_STARTUP_TIMEOUT_MS: '2000' }).then(
      () => undefined,
      (error: Error) => error.message,
    );

    expect(failure).toMatch(/^the app exited with 1:/);
    expect(failure).toMatch(/PostgreSQL at 127\.0\.0\.1:\d+ did not become reachable within 2 s \(ECONNREFUSED\); giving up/);
    expect(failure!.match(WAITING)?.length).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    await proxy.restore();
  }, 30_000);
});
