#!/usr/bin/env node
// Prints a bearer token for local use: npm run -s token -- <user-uuid> [--name NAME] [--ttl SECONDS]
// Signs with JWT_SECRET, or with the development secret the server keeps in .data/dev-jwt-secret.
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, resolve } = require('node:path');
const { SignJWT } = require('jose');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(message) {
  process.stderr.write(`${message}\nusage: npm run -s token -- [<user-uuid>] [--name NAME] [--ttl SECONDS]\n`);
  process.exit(2);
}

function parse(argv) {
  const options = { userId: undefined, name: undefined, ttl: 3600 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--name') options.name = argv[++i] ?? fail('--name needs a value');
    else if (arg === '--ttl') options.ttl = Number(argv[++i]);
    else if (!options.userId) options.userId = arg;
    else fail(`unexpected argument: ${arg}`);
  }
  if (!Number.isInteger(options.ttl) || options.ttl < 1) fail('--ttl must be a positive whole number of seconds');
  if (options.userId && !UUID.test(options.userId)) fail(`not a UUID: ${options.userId}`);
  return options;
}

/** Same rule as the server: JWT_SECRET, else the development secret file, created on first use. */
function secret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  if (process.env.NODE_ENV === 'production') fail('JWT_SECRET is required when NODE_ENV=production');
  const file = resolve(process.env.DATA_DIR || '.data', 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

const options = parse(process.argv.slice(2));
const userId = (options.userId ?? randomUUID()).toLowerCase();
const claims = options.name ? { name: options.name } : {};
const key = new TextEncoder().encode(secret());
new SignJWT(claims)
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(userId)
  .setIssuedAt()
  .setExpirationTime(`${options.ttl}s`)
  .sign(key)
  .then((token) => {
    process.stderr.write(`token for user ${userId}, valid ${options.ttl}s\n`);
    process.stdout.write(`${token}\n`);
  });
