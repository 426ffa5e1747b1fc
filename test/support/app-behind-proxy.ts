import { TcpProxy, startTcpProxy } from './tcp-proxy';
import { TestApp, startTestApp } from './test-app';
import { TestDatabase, createTestDatabase } from './test-database';

export interface AppBehindProxy {
  readonly proxy: TcpProxy;
  readonly app: TestApp;
}

/** Quick to notice a database that went away: one second to connect, one per statement. */
export const QUICK_DATABASE_TIMEOUTS = { DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1000' };

/**
 * For a describe block: the app on a fresh database of its own, reaching it only through a TCP
 * proxy the test controls (to cut it, or black-hole it).
 */
export function useAppBehindProxy(env: Record<string, string> = QUICK_DATABASE_TIMEOUTS): AppBehindProxy {
  let database: TestDatabase;
  let started: AppBehindProxy | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.url);
    const proxy = await startTcpProxy(direct.hostname, Number(direct.port));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    started = { proxy, app: await startTestApp(env, { url: viaProxy.toString(), drop: async () => undefined }) };
  });
  afterAll(async () => {
    await started?.app.close();
    await started?.proxy.close();
    await database?.drop();
  }, 30_000);
  const current = (): AppBehindProxy => {
    if (!started) throw new Error('the app starts in beforeAll');
    return started;
  };
  return {
    get proxy() {
      return current().proxy;
    },
    get app() {
      return current().app;
    },
  };
}
