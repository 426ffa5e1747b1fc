import request from 'supertest';
import { RosterApi, expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Abuse limits: per user and per address, 429 with Retry-After', () => {
  const t = useTestApp({
    RATE_LIMIT_USER_BURST: '5',
    RATE_LIMIT_USER_PER_SECOND: '1',
    RATE_LIMIT_IP_BURST: '12',
    RATE_LIMIT_IP_PER_SECOND: '1',
  });

  it('a user past their burst gets 429 with Retry-After, others on the same address do not', async () => {
    const greedy = new RosterApi(t.http, newUserId());
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await greedy.listSessions()).status);
    const refused = await greedy.listSessions();

    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expectProblem(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await new RosterApi(t.http, newUserId()).listSessions().expect(200);
  });

  it('an address past its burst gets 429 whoever it claims to be; health probes are not counted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await new RosterApi(t.http, newUserId()).listSessions()).status);
    await request(t.http).get('/health/live').expect(200);

    expect(statuses).toContain(429);
    expectProblem(await new RosterApi(t.http, newUserId()).listSessions(), 429, 'RATE_LIMITED');
  });
});

describe('Abuse limits without a token', () => {
  const t = useTestApp({ RATE_LIMIT_IP_BURST: '6', RATE_LIMIT_IP_PER_SECOND: '1' });

  it('unauthenticated requests are limited per address like authenticated ones: 429 RATE_LIMITED with Retry-After, probes still free', async () => {
    const unauthenticated = [
      () => request(t.http).get('/api/game-sessions'),
      () => request(t.http).get('/api/game-sessions').set('Authorization', 'Bearer forged'),
      () => request(t.http).get('/api/no-such-route'),
      // Refused by the body reader before the guard ran, then answered 401 by the problem filter.
      () => request(t.http).post('/api/game-sessions').set('Content-Type', 'application/json').send('{"title":'),
      () => request(t.http).post('/api/game-sessions').send({ title: 'x'.repeat(17 * 1024) }),
      () => request(t.http).delete('/api/game-sessions/nope/participants/nope'),
    ];
    const statuses: number[] = [];
    for (const send of unauthenticated) statuses.push((await send()).status);
    const refused = await Promise.all(unauthenticated.map((send) => send()));

    expect(statuses).toEqual([401, 401, 404, 401, 401, 401]);
    for (const res of refused) {
      expectProblem(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    await request(t.http).get('/health/live').expect(200);
    await request(t.http).get('/health/ready').expect(200);
    // The routes marked @Public() under /api, and the OpenAPI UI, are read as open at start: still free.
    await request(t.http).get('/api/console/settings').expect(200);
    await request(t.http).get('/api/docs-json').expect(200);
    await request(t.http).get('/api/docs/').expect(200);
  });
});
