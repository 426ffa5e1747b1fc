import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('loadAppConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'roster-config-'));

  it('has defaults for everything but the secret, which it refuses to invent in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(
      new ConfigError('Invalid configuration:\n- JWT_SECRET (or JWT_JWKS_URL) is required when NODE_ENV=production'),
    );
  });

  it('reads the environment', () => {
    const config = loadAppConfig({
      PORT: '8080',
      JWT_SECRET: SECRET,
      DATABASE_URL: 'postgres://u:p@db:5432/roster',
      DB_POOL_MAX: '20',
      DB_STATEMENT_TIMEOUT_MS: '2500',
      NODE_ENV: 'production',
    });

    expect(config).toMatchObject({
      port: 8080,
      production: true,
      databaseUrl: 'postgres://u:p@db:5432/roster',
      jwtSecret: SECRET,
      jwtSecretSource: 'env',
      database: { poolMax: 20, statementTimeoutMs: 2500, connectTimeoutMs: 5000, idleInTransactionTimeoutMs: 10_000 },
    });
  });

  it('waits up to a minute for a database that is not up yet at start, or as long as DB_STARTUP_TIMEOUT_MS says', () => {
    expect(loadAppConfig({ JWT_SECRET: SECRET }).database.startupTimeoutMs).toBe(60_000);
    expect(loadAppConfig({ JWT_SECRET: SECRET, DB_STARTUP_TIMEOUT_MS: '0' }).database.startupTimeoutMs).toBe(0);
    expect(() => loadAppConfig({ JWT_SECRET: SECRET, DB_STARTUP_TIMEOUT_MS: 'soon' })).toThrow(
      new ConfigError('Invalid configuration:\n- DB_STARTUP_TIMEOUT_MS must be an integer from 0 to 3600000, got "soon"'),
    );
  });

  it('names every bad value at once', () => {
    expect(() =>
      loadAppConfig({ PORT: 'eighty', JWT_SECRET: 'short', DB_POOL_MAX: '0', DATABASE_URL: 'mysql://x' }),
    ).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '- PORT must be an integer from 0 to 65535, got "eighty"\n' +
          '- DB_POOL_MAX must be an integer from 1 to 1000, got "0"\n' +
          '- JWT_SECRET must be at least 32 characters (HS256 wants a 256-bit key)\n' +
          '- DATABASE_URL must start with postgres:// or postgresql://',
      ),
    );
  });

  it('outside production, keeps one development secret on disk (0600) and reuses it', () => {
    const dir = dataDir();

    const first = loadAppConfig({ DATA_DIR: dir });
    const second = loadAppConfig({ DATA_DIR: dir });

    expect(first.jwtSecretSource).toBe('file');
    expect(first.jwtSecret).toHaveLength(43);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dir, 'dev-jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
    expect(statSync(join(dir, 'dev-jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('puts the embedded database under the data folder unless told otherwise', () => {
    const dir = dataDir();

    expect(loadAppConfig({ DATA_DIR: dir, JWT_SECRET: SECRET }).embeddedDataDir).toBe(join(dir, 'postgres'));
    expect(loadAppConfig({ DATA_DIR: dir, JWT_SECRET: SECRET, EMBEDDED_PG_DIR: '/var/tmp/pg' }).embeddedDataDir).toBe(
      '/var/tmp/pg',
    );
    expect(loadAppConfig({ DATA_DIR: dir, JWT_SECRET: SECRET }).databaseUrl).toBeUndefined();
  });

  it('bounds how long a request may take to arrive: 5 s for its head, 10 s in all, 5 s idle between requests', () => {
    expect(loadAppConfig({ JWT_SECRET: SECRET }).http).toEqual({ headersTimeoutMs: 5000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5000 });
    expect(
      loadAppConfig({ JWT_SECRET: SECRET, HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '65000' }).http,
    ).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 3000, keepAliveTimeoutMs: 65_000 });
  });

  it('refuses HTTP timeouts that are no bound, or a head allowed longer than the whole request', () => {
    expect(() => loadAppConfig({ JWT_SECRET: SECRET, HTTP_REQUEST_TIMEOUT_MS: '0', HTTP_KEEP_ALIVE_TIMEOUT_MS: 'soon' })).toThrow(
      new ConfigError(
        'Invalid configuration:\n' +
          '- HTTP_REQUEST_TIMEOUT_MS must be an integer from 100 to 600000, got "0"\n' +
          '- HTTP_KEEP_ALIVE_TIMEOUT_MS must be an integer from 100 to 600000, got "soon"',
      ),
    );
    expect(() => loadAppConfig({ JWT_SECRET: SECRET, HTTP_HEADERS_TIMEOUT_MS: '20000' })).toThrow(
      new ConfigError('Invalid configuration:\n- HTTP_HEADERS_TIMEOUT_MS (20000) must not exceed HTTP_REQUEST_TIMEOUT_MS (10000)'),
    );
  });
});
