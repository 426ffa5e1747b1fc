// The database floor: the removal transaction issued straight from a pg.Pool, no HTTP, no JWT.
import { createRequire } from 'node:module';
import { removeParticipant } from './removal-sql.mjs';

const require = createRequire(import.meta.url);
const { Pool } = require('pg');

export function databaseFloor(databaseUrl, poolMax) {
  const pool = new Pool({ connectionString: databaseUrl, max: poolMax });
  return {
    /** One removal; resolves with milliseconds taken (the session object is built, as the app does). */
    async remove(sessionId, userId, actorId) {
      const started = process.hrtime.bigint();
      await removeParticipant(pool, sessionId, userId, actorId);
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
    stop: () => pool.end(),
  };
}
