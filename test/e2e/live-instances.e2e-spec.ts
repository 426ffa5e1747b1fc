import { GameSessionEvent } from '../../src/game-sessions/domain/game-session.events';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { LiveSessionFeeds } from '../../src/game-sessions/infrastructure/realtime/live-session-feeds';
import { TypeOrmGameSessionStorage } from '../../src/game-sessions/infrastructure/typeorm/typeorm-game-session.storage';
import { LiveClient, settle } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { TestApp, startTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

const adapters: [string, Record<string, string>][] = [
  ['PostgreSQL', {}],
  ...(process.env.TEST_REDIS_URL ? [['Redis', { REDIS_URL: process.env.TEST_REDIS_URL }] as [string, Record<string, string>]] : []),
];

describe.each(adapters)('Several instances on one database (socket.io %s adapter)', (_adapter, env) => {
  let a: TestApp;
  let b: TestApp;
  const clients: LiveClient[] = [];
  const live = async (on: TestApp, userId: string) => {
    const client = await LiveClient.connect(on.url, userId);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    a = await startTestApp(env);
    b = await startTestApp(env, a.database);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await b.close();
    await a.close();
  });

  it('a removal made through A reaches a client on B, and evicts the removed user on B', async () => {
    const gm = new RosterApi(a.http, newUserId());
    const session = await gm.createdSession();
    const [player, guest] = [newUserId(), newUserId()];
    await gm.addParticipant(session.id, player).expect(201);
    await gm.addParticipant(session.id, guest, 'Guest').expect(201);
    const watcherOnB = await live(b, guest);
    const removedOnB = await live(b, player);
    const removedOnA = await live(a, player);
    for (const c of [watcherOnB, removedOnB, removedOnA]) expect((await c.subscribe(session.id)).ok).toBe(true);

    await gm.removeParticipant(session.id, player).expect(200);

    const left = await watcherOnB.waitForEvent('ParticipantLeft', 4);
    expect(left.payload).toMatchObject({ sessionId: session.id, userId: player, reason: 'removed', removedBy: gm.userId });
    await removedOnB.waitForEvent('RemovedFromSession', 4);
    await removedOnA.waitForEvent('RemovedFromSession', 4);
    await new RosterApi(b.http, gm.userId).changeStatus(session.id, 'Scheduled').expect(200);
    await watcherOnB.waitForEvent('SessionStatusChanged', 5);
    await settle();
    for (const removed of [removedOnA, removedOnB]) {
      expect(removed.received.map((r) => r.name)).toEqual(['RemovedFromSession']);
      expect((await removed.subscribe(session.id)).ok).toBe(false);
    }
    expect(watcherOnB.named('ParticipantLeft')).toHaveLength(1);
  });

  it('changes made through both instances at once reach every client in seq order, no gap, no duplicate', async () => {
    const gmOnA = new RosterApi(a.http, newUserId());
    const gmOnB = new RosterApi(b.http, gmOnA.userId);
    const session = await gmOnA.createdSession();
    const watchers = [await live(a, gmOnA.userId), await live(b, gmOnA.userId)];
    for (const w of watchers) await w.subscribe(session.id);

    await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? gmOnA : gmOnB).addParticipant(session.id, newUserId(), 'Guest').expect(201)),
    );
    await Promise.all(watchers.map((w) => w.waitForEvent('ParticipantJoined', 31)));
    await settle();

    const log = (await gmOnA.listEvents(session.id).expect(200)).body.items;
    for (const w of watchers) expect(w.received.map((r) => r.payload)).toEqual(log.slice(1));
  });

  it('an event that overtakes another is held back until the gap is filled from the log; a late repeat is dropped', async () => {
    const gm = new RosterApi(a.http, newUserId());
    const session = await gm.createdSession();
    const watcher = await live(b, gm.userId);
    await watcher.subscribe(session.id);
    // Changes written by "another instance" whose messages are slow: committed, not yet announced.
    const elsewhere = new TypeOrmGameSessionStorage(a.dataSource);
    const announced: GameSessionEvent[] = [];
    for (const userId of [newUserId(), newUserId()]) {
      const changed = await elsewhere.update(session.id, (s) => s.addParticipant(userId, PlayerType.Guest, gm.userId, new Date()));
      announced.push(...changed.pullDomainEvents());
    }
    const feeds = b.app.get(LiveSessionFeeds);

    feeds.receive(announced[1]);
    await watcher.waitForEvent('ParticipantJoined', 3);
    feeds.receive(announced[0]);
    feeds.receive(announced[1]);
    await settle();

    const log = (await gm.listEvents(session.id).expect(200)).body.items;
    expect(watcher.received.map((r) => r.payload)).toEqual(log.slice(1));
  });
});
