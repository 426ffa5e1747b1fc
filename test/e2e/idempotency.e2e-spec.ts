import { Client } from 'pg';
import { LiveClient, settle } from '../support/live-client';
import { RosterApi, expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Safe retries: Idempotency-Key on POST', () => {
  const t = useTestApp();
  let gm: RosterApi;
  beforeEach(() => {
    gm = new RosterApi(t.http, newUserId());
  });

  const create = (api: RosterApi, key: string, title = 'Night 1') =>
    api.call('post', '/api/game-sessions').set('Idempotency-Key', key).send({ title });
  const add = (sessionId: string, key: string, userId: string) =>
    gm.call('post', `/api/game-sessions/${sessionId}/participants`).set('Idempotency-Key', key).send({ userId, type: 'Player' });
  const mySessions = async (api: RosterApi) => (await api.listSessions().expect(200)).body.items;

  it('a retry with the same key and body replays the first response without doing the work again', async () => {
    const first = await create(gm, 'create-1').expect(201);

    const retry = await create(gm, 'create-1').expect(201);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await mySessions(gm)).toHaveLength(1);
  });

  it('the same key with another body answers 422 and does nothing', async () => {
    await create(gm, 'create-2', 'Night 1').expect(201);

    const res = await create(gm, 'create-2', 'Night 2');

    expectProblem(res, 422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request');
    expect(await mySessions(gm)).toHaveLength(1);
  });

  it('a retry while the first request still runs answers 409', async () => {
    const holder = new Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`idempotency:${gm.userId}:busy`]);

      const res = await create(gm, 'busy');

      expectProblem(res, 409, 'IDEMPOTENCY_KEY_IN_USE');
      expect(await mySessions(gm)).toEqual([]);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await create(gm, 'busy').expect(201);
  });

  it('concurrent retries create exactly one session', async () => {
    const responses = await Promise.all(Array.from({ length: 10 }, () => create(gm, 'storm')));

    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(await mySessions(gm)).toHaveLength(1);
  });

  it('duplicated and concurrent retries seat a participant once and announce it once', async () => {
    const session = await gm.createdSession();
    const player = newUserId();
    const watcher = await LiveClient.connect(t.url, gm.userId);
    try {
      await watcher.subscribe(session.id);

      const responses = await Promise.all(Array.from({ length: 8 }, () => add(session.id, 'seat', player)));
      const retry = await add(session.id, 'seat', player).expect(201);
      await settle();

      expect(responses.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
      expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      expect(retry.body.players.map((p: { userId: string }) => p.userId)).toEqual([gm.userId, player]);
      const log = (await gm.listEvents(session.id).expect(200)).body.items;
      expect(log.filter((e: { userId?: string }) => e.userId === player)).toHaveLength(1);
      expect(watcher.named('ParticipantJoined')).toHaveLength(1);
    } finally {
      watcher.close();
    }
  });

  it('keys belong to their caller', async () => {
    const other = new RosterApi(t.http, newUserId());

    const mine = await create(gm, 'shared-name').expect(201);
    const theirs = await create(other, 'shared-name').expect(201);

    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.ownerId).toBe(other.userId);
  });

  it('a refused request keeps nothing: the same key may carry the corrected request', async () => {
    expectProblem(await create(gm, 'fix-me', ''), 400, 'VALIDATION_FAILED');

    await create(gm, 'fix-me', 'Corrected').expect(201);
  });

  it('a key expires after 24 hours', async () => {
    const first = await create(gm, 'old').expect(201);
    await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = $1`, [gm.userId]);

    const again = await create(gm, 'old').expect(201);

    expect(again.body.id).not.toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it.each([['a key too long', 'k'.repeat(256)], ['a key with spaces', 'two words']])('refuses %s with 400', async (_case, key) => {
    expectProblem(await create(gm, key), 400, 'VALIDATION_FAILED', 'Idempotency-Key must be 1 to 255 visible ASCII characters');
  });
});
