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
