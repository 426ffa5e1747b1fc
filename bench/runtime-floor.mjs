// The runtime floor: node:http + jose + pg, no framework, no ORM. Serves only
// DELETE /api/game-sessions/:id/participants/:userId with the same JWT, SQL and JSON as the app.
// Started by the bench as its own process: PORT, DATABASE_URL, JWT_SECRET, DB_POOL_MAX.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Refusal, removeParticipant } from './removal-sql.mjs';

const require = createRequire(import.meta.url);
const { jwtVerify } = require('jose');
const { Pool } = require('pg');

// The secret's bytes, as the app holds them.
const SECRET = new TextEncoder().encode(process.env.JWT_SECRET);
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ROUTE = new RegExp(`^/api/game-sessions/(${UUID})/participants/(${UUID})$`);
const UUID_ONLY = new RegExp(`^${UUID}$`);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });

function send(res, status, body, headers = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

const problem = (res, status, code, detail) => send(res, status, { title: code, status, detail, code });

async function handle(req, res) {
  const match = req.method === 'DELETE' ? ROUTE.exec(req.url) : null;
  if (!match) return problem(res, 404, 'NOT_FOUND', 'No such route');
  const auth = req.headers.authorization;
  let actor;
  try {
    if (!auth?.startsWith('Bearer ')) throw new Error('no bearer token');
    const { payload: claims } = await jwtVerify(auth.slice(7), SECRET, { algorithms: ['HS256'] });
    if (typeof claims.sub !== 'string' || !UUID_ONLY.test(claims.sub) || claims.exp === undefined) throw new Error('bad claims');
    actor = claims.sub.toLowerCase();
  } catch {
    return problem(res, 401, 'UNAUTHORIZED', 'Invalid bearer token');
  }
  try {
    const session = await removeParticipant(pool, match[1].toLowerCase(), match[2].toLowerCase(), actor);
    send(res, 200, session, { etag: `"${session.version}"` });
  } catch (error) {
    if (error instanceof Refusal) return problem(res, error.status, error.code, error.message);
    console.error(error);
    problem(res, 500, 'INTERNAL', 'Internal error');
  }
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => void handle(req, res));
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`Serving on ${server.address().port}`));
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  pool.end().then(() => process.exit(0));
});
