import { Client } from 'pg';
import { createClient } from 'redis';
import request from 'supertest';
import { KillablePostgres, startKillablePostgres } from '../support/killable-postgres';
import { LiveClient, settle } from '../support/live-client';
import { expectContiguousSeq, replayRoster, seatsOf } from '../support/replay';
import { RosterApi } from '../support/roster-api';
import { TcpProxy, startTcpProxy } from '../support/tcp-proxy';
import { TestApp, startTestApp } from '../support/test-app';
import { TestDatabase, createTestDatabase } from '../support/test-database';
import { newUserId } from '../support/tokens';

/** Fast failure while the database is gone, so requests answer 503 within the outage. */
const QUICK_DATABASE = { DB_CONNECT_TIMEOUT_MS: '500', DB_STATEMENT_TIMEOUT_MS: '1000' };
const RECOVERY_TARGET_MS = 2000;
/** The periodic check asks every 3 s and waits 2 s for the answer; then reconnecting and reading the log. */
const SILENT_DEATH_TARGET_MS = 6000;

/**
 * A table with a Game Master on A, and on B a guest who watches and a player who will be removed:
 * what a removal made on A must still do on B after the link between instances broke.
 */
class CrossInstanceTable {
  private constructor(
    readonly gm: RosterApi,
    readonly sessionId: string,
    readonly player: string,
    readonly watcherOnB: LiveClient,
    readonly removedOnB: LiveClient,
  ) {}

  static async seat(a: TestApp, b: TestApp): Promise<CrossInstanceTable> {
    const gm = new RosterApi(a.http, newUserId());
    const session = await gm.createdSession();
    const [player, guest] = [newUserId(), newUserId()];
    await gm.addParticipant(session.id, player).expect(201);
    await gm.addParticipant(session.id, guest, 'Guest').expect(201);
    const watcherOnB = await LiveClient.connect(b.url, guest);
    const removedOnB = await LiveClient.connect(b.url, player);
    for (const c of [watcherOnB, removedOnB]) expect((await c.subscribe(session.id)).ok).toBe(true);
    return new CrossInstanceTable(gm, session.id, player, watcherOnB, removedOnB);
  }

  /** Removes the player through A (retrying while A still answers 503); resolves once B has seen it all. */
  async removeAndWitnessOnB(): Promise<void> {
    await untilAccepted(() => this.gm.removeParticipant(this.sessionId, this.player), 200);
    await this.watcherOnB.waitFor((r) => r.name === 'ParticipantLeft' && r.payload.userId === this.player, 10_000);
    await this.removedOnB.waitFor((r) => r.name === 'RemovedFromSession', 10_000);
  }

  /** The removed player's last word is RemovedFromSession, once, and B no longer lets them follow the table. */
  async expectEvicted(): Promise<void> {
    await settle();
    expect(this.removedOnB.received.at(-1)?.name).toBe('RemovedFromSession');
    expect(this.removedOnB.named('RemovedFromSession')).toHaveLength(1);
    expect((await this.removedOnB.subscribe(this.sessionId)).ok).toBe(false);
    expect(this.watcherOnB.named('ParticipantLeft')).toHaveLength(1);
  }

  /** A change made through A long after the fault reaches B by itself (no resync to help it). */
  async expectLiveEventsCross(): Promise<void> {
    const moved = await untilAccepted(() => this.gm.changeStatus(this.sessionId, 'Scheduled'), 200);
    const seq = (await this.gm.listEvents(this.sessionId, '?limit=1000').expect(200)).body.items.at(-1).seq;
    expect(moved.body.status).toBe('Scheduled');
    await this.watcherOnB.waitForEvent('SessionStatusChanged', seq);
  }

  close(): void {
    this.watcherOnB.close();
    this.removedOnB.close();
  }
}

async function untilAccepted(send: () => request.Test, status: number, timeoutMs = 10_000): Promise<request.Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await send();
    if (res.status === status || Date.now() > deadline) {
      expect(res.status).toBe(status);
      return res;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const viaProxy = (url: string, proxy: TcpProxy): TestDatabase => {
  const proxied = new URL(url);
  proxied.port = String(proxy.port);
  return { url: proxied.toString(), drop: async () => undefined };
};

/** The server processes behind the instances' LISTEN connections to this database: `action` done to each. */
async function listeningBackends(url: string, action: string): Promise<number[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = `SELECT pid, ${action} FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`;
    return (await client.query<{ pid: number }>(sql)).rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

describe('Live events cross instances again by themselves after the link to PostgreSQL breaks', () => {
  describe('the adapters’ LISTEN connections are terminated by the database', () => {
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      a = await startTestApp();
      b = await startTestApp({}, a.database);
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    }, 30_000);

    it('a removal on A reaches B and evicts the player there within 2 s of the kill', async () => {
      const table = await CrossInstanceTable.seat(a, b);
      const killed = (await listeningBackends(a.database.url, 'pg_terminate_backend(pid)')).length;
      const start = Date.now();
      await table.removeAndWitnessOnB();
      const recoveredMs = Date.now() - start;
      await table.expectEvicted();
      await table.expectLiveEventsCross();
      table.close();
      console.log(`LISTEN connections terminated (${killed}): the removal reached B ${recoveredMs} ms after the kill`);
      expect(killed).toBe(2);
      expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
    }, 30_000);

    it('LISTEN connections that fall silent (their backends frozen, no RST) are replaced: a removal on A reaches B within 6 s', async () => {
      const table = await CrossInstanceTable.seat(a, b);
      const frozen = await listeningBackends(a.database.url, '1');
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      try {
        const start = Date.now();
        await table.removeAndWitnessOnB();
        const recoveredMs = Date.now() - start;
        await table.expectEvicted();
        await table.expectLiveEventsCross();
        console.log(`LISTEN backends frozen: noticed and replaced, the removal reached B ${recoveredMs} ms after the freeze`);
        expect(frozen).toHaveLength(2);
        expect(recoveredMs).toBeLessThan(SILENT_DEATH_TARGET_MS);
      } finally {
        for (const pid of frozen) process.kill(pid, 'SIGCONT');
        table.close();
      }
    }, 30_000);
  });

  describe('the database is killed with SIGKILL and started again on the same port', () => {
    let database: KillablePostgres;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      database = await startKillablePostgres();
      a = await startTestApp(QUICK_DATABASE, { url: database.url, drop: async () => undefined });
      b = await startTestApp(QUICK_DATABASE, a.database);
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await database?.stop();
    }, 30_000);

    it('REST answers 503 with Retry-After meanwhile; then a removal on A evicts the player on B within 2 s', async () => {
      const table = await CrossInstanceTable.seat(a, b);
      await database.kill();
      const during = await Promise.all(
        [a, b].flatMap((app) => [0, 1, 2].map(() => new RosterApi(app.http, table.gm.userId).getSession(table.sessionId))),
      );
      await database.restart();
      const start = Date.now();
      await table.removeAndWitnessOnB();
      const recoveredMs = Date.now() - start;
      await table.expectEvicted();
      await table.expectLiveEventsCross();
      table.close();

      for (const res of during) {
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBeDefined();
      }
      for (const app of [a, b]) await request(app.http).get('/health/ready').expect(200);
      console.log(`database SIGKILL and restart: the removal reached B ${recoveredMs} ms after the database accepted connections again`);
      expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
    }, 60_000);
  });

  describe('every connection of both instances is cut longer than the adapter’s heartbeat timeout, then restored', () => {
    const pair = instancesBehindProxy('both');

    it('a removal on A evicts the player on B within 2 s of the restore, and later events still cross', async () => {
      const { a, b, proxy } = pair;
      const table = await CrossInstanceTable.seat(a, b);
      await proxy.cut();
      // Heartbeats stop with the link: after 10 s each instance believes it is alone.
      await settle(11_000);
      await proxy.restore();
      const start = Date.now();
      await settle(1000);
      await table.removeAndWitnessOnB();
      const recoveredMs = Date.now() - start;
      await table.expectEvicted();
      await settle(2000);
      await table.expectLiveEventsCross();
      table.close();
      console.log(`connections cut for 11 s: the removal (made 1 s after the restore) reached B ${recoveredMs} ms after the restore`);
      expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
    }, 60_000);
  });

  describe('only B’s connections are cut while A keeps changing the table', () => {
    const pair = instancesBehindProxy('only B');

    it('events committed meanwhile reach B’s subscribers afterwards, in order, no gap, no duplicate', async () => {
      const { a, b, proxy } = pair;
      const table = await CrossInstanceTable.seat(a, b);
      await proxy.cut();
      await settle(300);
      for (let i = 0; i < 5; i++) await table.gm.addParticipant(table.sessionId, newUserId(), 'Guest').expect(201);
      await table.gm.removeParticipant(table.sessionId, table.player).expect(200);
      await proxy.restore();
      const start = Date.now();
      const log = (await table.gm.listEvents(table.sessionId, '?limit=1000').expect(200)).body.items;
      await table.watcherOnB.waitForEvent('ParticipantLeft', log.at(-1).seq);
      await table.removedOnB.waitFor((r) => r.name === 'RemovedFromSession');
      const recoveredMs = Date.now() - start;
      await table.expectEvicted();
      table.close();

      expect(table.watcherOnB.received.map((r) => r.payload)).toEqual(log.slice(3));
      expect(table.removedOnB.received.slice(0, -1).map((r) => r.payload)).toEqual(log.slice(3, -1));
      expectContiguousSeq(log);
      const seated = (await table.gm.getSession(table.sessionId).expect(200)).body.players;
      expect(replayRoster(log)).toEqual(seatsOf({ players: seated }));
      console.log(`B cut off while A committed 6 events: all reached B's watcher, in order, ${recoveredMs} ms after the restore`);
      expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
    }, 30_000);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
(redisUrl ? describe : describe.skip)('Live events cross instances again after the Redis adapter’s subscriptions are killed', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL: redisUrl! });
    b = await startTestApp({ REDIS_URL: redisUrl! }, a.database);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  }, 30_000);

  it('a removal on A, made while the subscriptions are down, evicts the player on B within 2 s of the kill', async () => {
    const table = await CrossInstanceTable.seat(a, b);
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    // Only this test's instances (named by their process): other test files may share the Redis.
    const ours = (await redis.sendCommand<string>(['CLIENT', 'LIST', 'TYPE', 'pubsub']))
      .split('\n')
      .filter((line) => line.includes(` name=game-session-roster-${process.pid} `))
      .map((line) => /\bid=(\d+)/.exec(line)![1]);
    for (const id of ours) await redis.sendCommand(['CLIENT', 'KILL', 'ID', id]);
    await redis.quit();
    const start = Date.now();
    await table.removeAndWitnessOnB();
    const recoveredMs = Date.now() - start;
    await table.expectEvicted();
    await table.expectLiveEventsCross();
    table.close();
    console.log(`Redis subscriptions killed (${ours.length}): the removal reached B ${recoveredMs} ms after the kill`);
    expect(ours).toHaveLength(2);
    expect(recoveredMs).toBeLessThan(RECOVERY_TARGET_MS);
  }, 30_000);
});

/** A database with a proxy in front of it and two instances on it: B always through the proxy, A too for 'both'. */
function instancesBehindProxy(throughProxy: 'both' | 'only B'): { a: TestApp; b: TestApp; proxy: TcpProxy } {
  const pair = {} as { a: TestApp; b: TestApp; proxy: TcpProxy; database: TestDatabase };
  beforeAll(async () => {
    pair.database = await createTestDatabase();
    const direct = new URL(pair.database.url);
    pair.proxy = await startTcpProxy(direct.hostname, Number(direct.port));
    const proxied = viaProxy(pair.database.url, pair.proxy);
    const both = throughProxy === 'both';
    pair.a = await startTestApp(both ? QUICK_DATABASE : {}, both ? proxied : { url: pair.database.url, drop: async () => undefined });
    pair.b = await startTestApp(QUICK_DATABASE, proxied);
  });
  afterAll(async () => {
    await pair.b?.close();
    await pair.a?.close();
    await pair.proxy?.close();
    await pair.database?.drop();
  }, 30_000);
  return pair;
}
