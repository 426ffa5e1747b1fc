import { Client } from 'pg';
import request from 'supertest';
import { AppProcess, spawnApp } from '../support/app-process';
import { LiveClient } from '../support/live-client';
import { expectContiguousSeq, replayRoster } from '../support/replay';
import { RosterApi } from '../support/roster-api';
import { TestApp, startTestApp } from '../support/test-app';
import { newUserId, tokenFor } from '../support/tokens';

describe('The process: SIGTERM drains, SIGKILL loses nothing acknowledged', () => {
  let witness: TestApp;
  beforeAll(async () => {
    witness = await startTestApp();
  });
  afterAll(() => witness.close());

  const as = (app: AppProcess, userId: string) => ({
    post: (path: string, body: object) =>
      request(app.url).post(path).set('Authorization', `Bearer ${tokenFor(userId)}`).send(body),
    delete: (path: string) => request(app.url).delete(path).set('Authorization', `Bearer ${tokenFor(userId)}`),
  });

  it('SIGTERM: readiness off, the request in flight finishes, sockets are sent elsewhere, exit 0', async () => {
    const app = await spawnApp(witness.database.url, { SHUTDOWN_GRACE_MS: '800' });
    const gm = newUserId();
    const player = newUserId();
    const session = (await as(app, gm).post('/api/game-sessions', { title: 'last orders' }).expect(201)).body;
    await as(app, gm).post(`/api/game-sessions/${session.id}/participants`, { userId: player, type: 'Player' }).expect(201);
    const live = await LiveClient.connect(app.url, gm);
    await live.subscribe(session.id);
    const disconnected = new Promise<string>((resolve) => live.socket.once('disconnect', resolve));
    live.socket.io.opts.reconnection = false;
    const lock = new Client({ connectionString: witness.database.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT 1 FROM game_sessions WHERE id = $1 FOR UPDATE', [session.id]);

    const inFlight = as(app, gm).delete(`/api/game-sessions/${session.id}/participants/${player}`).then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 200));
    app.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const readiness = await request(app.url).get('/health/ready');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await lock.query('COMMIT');
    await lock.end();

    expect(readiness.status).toBe(503);
    expect((await inFlight).status).toBe(200);
    expect(await app.exited).toBe(0);
    expect(live.named('ServerShuttingDown')).toEqual([{ reconnect: true }]);
    expect(await disconnected).toBe('transport close');
    live.close();
    const after = (await new RosterApi(witness.http, gm).getSession(session.id).expect(200)).body;
    expect(after.players.map((p: { userId: string }) => p.userId)).toEqual([gm]);
  }, 60_000);

  it('SIGKILL mid-load: every acknowledged change is there, no change is half there', async () => {
    const app = await spawnApp(witness.database.url);
    const gm = newUserId();
    const session = (await as(app, gm).post('/api/game-sessions', { title: 'power cut' }).expect(201)).body;
    const acknowledged = new Set<string>();
    const attempted = new Set<string>();
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const userId = newUserId();
        attempted.add(userId);
        try {
          const res = await as(app, gm).post(`/api/game-sessions/${session.id}/participants`, { userId, type: 'Guest' });
          if (res.status === 201) acknowledged.add(userId);
        } catch {
          return; // the connection died with the process: not acknowledged
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    while (acknowledged.size < 40) await new Promise((resolve) => setTimeout(resolve, 5));

    app.child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    expect(await app.exited).toBe('SIGKILL');

    const api = new RosterApi(witness.http, gm);
    const after = (await api.getSession(session.id).expect(200)).body;
    const log = (await api.listEvents(session.id, '?limit=1000').expect(200)).body.items;
    const seated = new Set<string>(after.players.map((p: { userId: string }) => p.userId));
    const logged = new Set<string>(log.filter((e: { event: string }) => e.event === 'ParticipantJoined').map((e: { userId: string }) => e.userId));
    for (const userId of acknowledged) expect(seated.has(userId)).toBe(true);
    for (const userId of attempted) expect(seated.has(userId)).toBe(logged.has(userId));
    expectContiguousSeq(log);
    expect(replayRoster(log).map((p) => p.userId)).toEqual([...seated]);
    expect(after.version).toBe(log.length);
    const halfWritten = [...attempted].filter((id) => seated.has(id) !== logged.has(id)).length;
    console.log(
      `SIGKILL mid-load: ${attempted.size} adds attempted, ${acknowledged.size} acknowledged, ` +
        `${[...attempted].filter((id) => seated.has(id) && !acknowledged.has(id)).length} committed but unanswered, lost: 0, half-written: ${halfWritten}`,
    );
  }, 60_000);

  it("SIGKILL: the killed instance's users go offline for the other instance's subscribers once its heartbeats stop", async () => {
    const app = await spawnApp(witness.database.url);
    const gm = new RosterApi(witness.http, newUserId());
    const { session, ids } = await gm.sessionWith('Player');
    const watcher = await LiveClient.connect(witness.url, gm.userId);
    const player = await LiveClient.connect(app.url, ids[0]);
    try {
      await watcher.subscribe(session.id);
      expect((await player.subscribe(session.id)).online).toEqual([gm.userId, ids[0]]);
      await watcher.waitFor((r) => r.name === 'PresenceChanged' && r.payload.online === true);

      app.child.kill('SIGKILL');
      expect(await app.exited).toBe('SIGKILL');

      // The adapter's heartbeat timeout (10 s), the next look (5 s), the grace (2 s).
      const went = await watcher.waitFor((r) => r.name === 'PresenceChanged' && r.payload.online === false, 25_000);
      expect(went.payload).toEqual({ sessionId: session.id, userId: ids[0], online: false });
    } finally {
      watcher.close();
      player.close();
    }
  }, 60_000);
});
