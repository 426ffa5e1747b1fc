import { Client } from 'pg';
import request from 'supertest';
import { RosterApi, expectProblem, userIdsOf } from '../support/roster-api';
import { startTestApp, useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Failures: nothing leaks, nothing is half-written, a dropped connection is survived', () => {
  const t = useTestApp();
  let gm: RosterApi;
  beforeEach(() => {
    gm = new RosterApi(t.http, newUserId());
  });

  it('an unexpected database error answers a generic 500 and rolls the whole change back', async () => {
    const session = await gm.createdSession();
    const player = newUserId();
    await gm.addParticipant(session.id, player).expect(201);
    // Breaks the log append, the last statement of a removal, after the roster row was deleted.
    await t.dataSource.query('ALTER TABLE game_session_events RENAME COLUMN data TO broken');
    let res;
    try {
      res = await gm.removeParticipant(session.id, player);
    } finally {
      await t.dataSource.query('ALTER TABLE game_session_events RENAME COLUMN broken TO data');
    }

    expectProblem(res, 500, 'INTERNAL', 'An unexpected error occurred');
    expect(JSON.stringify(res.body)).not.toMatch(/INSERT|game_session|column|at .*\.ts/i);
    const after = (await gm.getSession(session.id).expect(200)).body;
    expect(userIdsOf(after)).toEqual([gm.userId, player]);
    expect(after.version).toBe(2);
    expect((await gm.listEvents(session.id).expect(200)).body.items).toHaveLength(2);
  });

  it('keeps serving after the database drops every connection of the app', async () => {
    await gm.createdSession();
    const admin = new Client({ connectionString: t.database.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'game-session-roster'`,
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }

    await gm.createSession('after the drop').expect(201);
    await request(t.http).get('/health/ready').expect(200);
    expect((await gm.listSessions().expect(200)).body.items).toHaveLength(2);
  });
});


describe('Readiness when the database is gone', () => {
  it('answers 503 SERVICE_UNAVAILABLE while liveness stays 200', async () => {
    const t = await startTestApp();
    try {
      await t.dataSource.destroy();

      expectProblem(await request(t.http).get('/health/ready'), 503, 'SERVICE_UNAVAILABLE', 'The database does not answer');
      await request(t.http).get('/health/live').expect(200);
    } finally {
      await t.close();
    }
  });
});
