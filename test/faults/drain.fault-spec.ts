import { Agent, request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { AppProcess, spawnApp } from '../support/app-process';
import { LiveClient } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { TestApp, startTestApp } from '../support/test-app';
import { newUserId, tokenFor } from '../support/tokens';

const GRACE_MS = 500;

interface Outcome {
  status?: number;
  error?: string;
}

/** One request on a keep-alive agent of its own, as a load balancer's pooled connection sends it. */
function get(url: string, path: string, agent: Agent, token: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}${path}`, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe('SIGTERM while keep-alive clients keep their connections busy', () => {
  let witness: TestApp;
  let app: AppProcess;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    witness = await startTestApp();
    app = await spawnApp(witness.database.url, { SHUTDOWN_GRACE_MS: String(GRACE_MS), SHUTDOWN_TIMEOUT_MS: '20000' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    app.child.kill('SIGKILL');
    await witness.close();
  });

  it('drains: exit 0 within grace + 5 s, no request reset, and a change committed during the drain reaches the other instance', async () => {
    const gm = newUserId();
    const player = newUserId();
    const onWitness = new RosterApi(witness.http, gm);
    const session = await onWitness.createdSession('closing time');
    await onWitness.addParticipant(session.id, player).expect(201);
    const watcher = await LiveClient.connect(witness.url, gm);
    const removed = await LiveClient.connect(witness.url, player);
    clients.push(watcher, removed);
    for (const c of [watcher, removed]) expect((await c.subscribe(session.id)).ok).toBe(true);

    const busy: Outcome[] = [];
    let refusedAt: number | undefined;
    const keepBusy = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (;;) {
        const outcome = await get(app.url, `/api/game-sessions/${session.id}`, agent, tokenFor(gm));
        // Refused on a fresh connection: the instance has stopped listening and the client goes elsewhere.
        if (outcome.error === 'ECONNREFUSED') break;
        busy.push(outcome);
      }
      refusedAt ??= Date.now();
      agent.destroy();
    };
    const loads = Array.from({ length: 8 }, keepBusy);
    while (busy.length < 100) await new Promise((resolve) => setTimeout(resolve, 10));

    // The removal waits on the session's row lock until the grace period is over, then commits.
    const lock = new Client({ connectionString: witness.database.url });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('SELECT 1 FROM game_sessions WHERE id = $1 FOR UPDATE', [session.id]);
    const inFlight = new RosterApi(app.url, gm).removeParticipant(session.id, player).then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS + 300));
    await lock.query('COMMIT');
    await lock.end();

    const exitCode = await app.exited;
    const stoppedAfterMs = Date.now() - signalledAt;
    await Promise.all(loads);
    const removal = await inFlight;
    const resets = busy.filter((o) => o.error !== undefined);
    const servedAfterSignal = busy.length;

    expect(exitCode).toBe(0);
    expect(stoppedAfterMs).toBeLessThan(GRACE_MS + 5000);
    expect(resets).toEqual([]);
    expect(busy.every((o) => o.status === 200)).toBe(true);
    expect(removal.status).toBe(200);
    const seq = removal.body.version;
    await watcher.waitForEvent('ParticipantLeft', seq);
    await removed.waitForEvent('RemovedFromSession', seq);
    expect(app.output()).not.toMatch(/exiting anyway/);
    console.log(
      `drain with 8 busy keep-alive clients: ${servedAfterSignal} requests answered, 0 reset, ` +
        `stopped ${stoppedAfterMs} ms after SIGTERM (grace ${GRACE_MS} ms), listening stopped ${refusedAt! - signalledAt} ms after it, ` +
        'the removal committed during the drain reached the other instance',
    );
  }, 60_000);
});
