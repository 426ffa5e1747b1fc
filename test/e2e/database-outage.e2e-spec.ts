import request from 'supertest';
import { RosterApi, expectProblem } from '../support/roster-api';
import { expectContiguousSeq, replayRoster } from '../support/replay';
import { useAppBehindProxy } from '../support/app-behind-proxy';
import { newUserId } from '../support/tokens';

describe('The connection to PostgreSQL is cut mid-load, then comes back', () => {
  const setup = useAppBehindProxy();

  it('answers 503 quickly while it is gone, never crashes, resumes by itself, loses nothing acknowledged', async () => {
    const { proxy, app: t } = setup;
    const gm = new RosterApi(t.http, newUserId());
    const session = await gm.createdSession();
    const acknowledged: string[] = [];
    const outcomes: number[] = [];
    const slowest = { ms: 0 };
    let running = true;
    const load = (async () => {
      while (running) {
        const userId = newUserId();
        const started = Date.now();
        const res = await gm.addParticipant(session.id, userId, 'Guest');
        slowest.ms = Math.max(slowest.ms, Date.now() - started);
        outcomes.push(res.status);
        if (res.status === 201) acknowledged.push(userId);
        else expectProblem(res, 503, 'SERVICE_UNAVAILABLE');
      }
    })();
    await until(() => acknowledged.length >= 20);

    await proxy.cut();
    await until(() => outcomes.filter((s) => s === 503).length >= 5);
    const readiness = await request(t.http).get('/health/ready');
    await proxy.restore();
    const ackedBeforeReturn = acknowledged.length;
    await until(() => acknowledged.length >= ackedBeforeReturn + 20);
    running = false;
    await load;

    expectProblem(readiness, 503, 'SERVICE_UNAVAILABLE');
    await request(t.http).get('/health/ready').expect(200);
    expect(outcomes.every((s) => s === 201 || s === 503)).toBe(true);
    expect(slowest.ms).toBeLessThan(5000);
    const after = (await gm.getSession(session.id).expect(200)).body;
    const log = (await gm.listEvents(session.id, '?limit=1000').expect(200)).body.items;
    const seated = after.players.map((p: { userId: string }) => p.userId);
    expect(seated).toEqual(expect.arrayContaining(acknowledged));
    expectContiguousSeq(log);
    expect(replayRoster(log).map((p) => p.userId)).toEqual(seated);
    const lost = acknowledged.filter((id) => !seated.includes(id)).length;
    console.log(
      `database outage: ${outcomes.length} requests, ${acknowledged.length} acknowledged, ` +
        `${outcomes.filter((s) => s === 503).length} answered 503, slowest ${slowest.ms} ms, 5xx other than 503: 0, lost: ${lost}`,
    );
  }, 60_000);
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
