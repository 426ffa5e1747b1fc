import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface DatabaseTimeouts {
  /** Largest number of pooled connections per process. */
  readonly poolMax: number;
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly idleInTransactionTimeoutMs: number;
  /** At start, how long to keep trying a DATABASE_URL that does not answer yet before exiting. */
  readonly startupTimeoutMs: number;
}

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  readonly burst: number;
  readonly perSecond: number;
}

export interface RateLimits {
  /** REST requests per authenticated user. */
  readonly user: RateLimit;
  /** REST requests per client address, tokens or not. */
  readonly ip: RateLimit;
  /** Messages per socket. */
  readonly socket: RateLimit;
}

/** How long the HTTP server waits for a client: the request's head, the whole request, the next request. */
export interface HttpTimeouts {
  readonly headersTimeoutMs: number;
  /** Head and body: a body that trickles in is cut off here (408). */
  readonly requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
}

/** Typed, validated configuration, read once from the environment. */
export class AppConfig {
  readonly port!: number;
  readonly production!: boolean;
  /** Unset: start the embedded PostgreSQL under `embeddedDataDir`. */
  readonly databaseUrl!: string | undefined;
  readonly embeddedDataDir!: string;
  readonly jwtSecret!: string;
  /** Where the secret came from; `file` means a development secret kept under .data. */
  readonly jwtSecretSource!: 'env' | 'file';
  /** The identity provider's key set: when set, RS256 tokens signed with its keys are accepted too. */
  readonly jwtJwksUrl!: string | undefined;
  /** When set, tokens must carry exactly this `iss` / `aud`. */
  readonly jwtIssuer!: string | undefined;
  readonly jwtAudience!: string | undefined;
  readonly database!: DatabaseTimeouts;
  /** Set: instances share socket events through Redis; unset: through PostgreSQL. */
  readonly redisUrl!: string | undefined;
  /** Browser origins allowed to call the API and open sockets; empty: same origin only. */
  readonly corsOrigins!: readonly string[];
  readonly rateLimits!: RateLimits;
  /** Express's "trust proxy": which hops may set X-Forwarded-For, so the per-address limit sees clients. */
  readonly trustProxy!: string | number | undefined;
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel!: string;
  readonly http!: HttpTimeouts;
  /** After SIGTERM: how long readiness says 503 before the instance stops taking work. */
  readonly shutdownGraceMs!: number;
  /** After SIGTERM: the longest a drain may take before the process exits anyway (code 1). */
  readonly shutdownTimeoutMs!: number;
  /** How long after a removal the Game Master may undo it (POST …/restore). */
  readonly restoreWindowSeconds!: number;

  constructor(values: AppConfig) {
    Object.assign(this, values);
  }
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

export const DEFAULT_DATA_DIR = '.data';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadAppConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const production = env.NODE_ENV === 'production';
  const port = int('PORT', 3000, 0, 65535);
  const database: DatabaseTimeouts = {
    poolMax: int('DB_POOL_MAX', 10, 1, 1000),
    connectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
    idleInTransactionTimeoutMs: int('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 600_000),
    startupTimeoutMs: int('DB_STARTUP_TIMEOUT_MS', 60_000, 0, 3_600_000),
  };
  const dataDir = resolve(env.DATA_DIR || DEFAULT_DATA_DIR);
  const embeddedDataDir = resolve(env.EMBEDDED_PG_DIR || resolve(dataDir, 'postgres'));

  let jwtSecret = env.JWT_SECRET ?? '';
  let jwtSecretSource: AppConfig['jwtSecretSource'] = 'env';
  if (jwtSecret === '') {
    if (production && !env.JWT_JWKS_URL) problems.push('JWT_SECRET (or JWT_JWKS_URL) is required when NODE_ENV=production');
    else if (production) jwtSecret = '';
    else {
      jwtSecret = developmentJwtSecret(dataDir);
      jwtSecretSource = 'file';
    }
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters (HS256 wants a 256-bit key)');
  }
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '' && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (env.JWT_JWKS_URL && !/^https?:\/\//.test(env.JWT_JWKS_URL)) problems.push('JWT_JWKS_URL must be an http(s) URL');
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) problems.push('REDIS_URL must start with redis:// or rediss://');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`CORS_ORIGINS: "${origin}" is not an origin like https://gm.example.com`);
  }
  const limit = (name: string, burst: number, perSecond: number): RateLimit => ({
    burst: int(`RATE_LIMIT_${name}_BURST`, burst, 1, 1_000_000),
    perSecond: int(`RATE_LIMIT_${name}_PER_SECOND`, perSecond, 1, 1_000_000),
  });
  const rateLimits: RateLimits = { user: limit('USER', 60, 10), ip: limit('IP', 120, 20), socket: limit('SOCKET', 20, 5) };
  const http: HttpTimeouts = {
    headersTimeoutMs: int('HTTP_HEADERS_TIMEOUT_MS', 5000, 100, 600_000),
    requestTimeoutMs: int('HTTP_REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
    keepAliveTimeoutMs: int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5000, 100, 600_000),
  };
  if (http.headersTimeoutMs > http.requestTimeoutMs) {
    problems.push(`HTTP_HEADERS_TIMEOUT_MS (${http.headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${http.requestTimeoutMs})`);
  }
  if (env.LOG_LEVEL && !LOG_LEVELS.includes(env.LOG_LEVEL)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  return new AppConfig({
    port,
    production,
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir,
    jwtSecret,
    jwtSecretSource,
    jwtJwksUrl: env.JWT_JWKS_URL || undefined,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    database,
    redisUrl: env.REDIS_URL || undefined,
    corsOrigins,
    rateLimits,
    trustProxy: trustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    http,
    shutdownGraceMs: int('SHUTDOWN_GRACE_MS', production ? 5000 : 0, 0, 600_000),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 30_000, 1000, 600_000),
    restoreWindowSeconds: int('RESTORE_WINDOW_SECONDS', 600, 1, 2_592_000),
  });
}

/** A hop count ("1") or Express's names and addresses ("loopback", "10.0.0.0/8"); unset: none. */
function trustProxy(raw: string | undefined): string | number | undefined {
  if (!raw) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function developmentJwtSecretPath(dataDir: string): string {
  return resolve(dataDir, 'dev-jwt-secret');
}

/** A throwaway secret kept on disk so that `npm run token` and the server agree across restarts. */
function developmentJwtSecret(dataDir: string): string {
  const path = developmentJwtSecretPath(dataDir);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
