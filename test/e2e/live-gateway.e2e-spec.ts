import { sign } from 'jsonwebtoken';
import { RateLimits } from '../../src/common/rate-limit/rate-limits';
import { LiveSessionFeeds } from '../../src/game-sessions/infrastructure/realtime/live-session-feeds';
import { LiveClient, refusalOf, settle } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId } from '../support/tokens';

describe('Live gateway: socket.io namespace /game-sessions', () => {
  const t = useTestApp();
  let gm: RosterApi;
  const clients: LiveClient[] = [];
  const as = (userId: string) => new RosterApi(t.http, userId);
  const live = async (userId: string) => {
    const client = await LiveClient.connect(t.url, userId);
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    gm = as(newUserId());
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });

  describe('the handshake', () => {
    const user = newUserId();
    it.each([
      ['no token', undefined],
      ['a token that is not a JWT', 'garbage'],
      ['an expired token', sign({ sub: user, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET)],
      ['a token signed with another secret', sign({ sub: user }, 'another-secret-another-secret-another', { expiresIn: 60 })],
      ['a token without exp', sign({ sub: user }, TEST_JWT_SECRET)],
      ['a sub that is not a UUID', sign({ sub: 'bob' }, TEST_JWT_SECRET, { expiresIn: 60 })],
    ])('refuses %s with connect_error "unauthorized"', async (_case, token) => {
      expect(await refusalOf(t.url, token)).toBe('unauthorized');
    });
  });

  describe('session:subscribe', () => {
    it('acks a current participant with the session, the latest seq and who is online (themselves)', async () => {
      const { session, ids } = await gm.sessionWith('Player');
      const player = await live(ids[0]);

      const ack = await player.subscribe(session.id);

      expect(ack).toEqual({ ok: true, session, seq: 2, online: [ids[0]] });
    });

    it.each([
      ['an outsider', () => newUserId()],
      ['an unknown session', null],
    ])('refuses %s with 404', async (_case, who) => {
      const { session } = await gm.sessionWith();
      const client = await live(who ? who() : gm.userId);

      const ack = await client.subscribe(who ? session.id : newUserId());

      expect(ack).toEqual({ ok: false, error: { status: 404, code: 'SESSION_NOT_FOUND', detail: 'Game session not found' } });
    });

    it.each([
      [{ sessionId: 'nope' }, 'sessionId must be a UUID'],
      [{ sessionId: newUserId(), afterSeq: -1 }, 'afterSeq must be a non-negative integer'],
      [{ sessionId: newUserId(), afterSeq: 1.5 }, 'afterSeq must be a non-negative integer'],
      [{ sessionId: newUserId(), afterSeq: '3' }, 'afterSeq must be a non-negative integer'],
    ])('refuses %j with 400', async (payload, detail) => {
      const client = await live(gm.userId);

      const ack = await client.socket.emitWithAck('session:subscribe', payload);

      expect(ack).toEqual({ ok: false, error: { status: 400, code: 'VALIDATION_FAILED', detail } });
    });
  });

  describe('events', () => {
    it('every remaining participant gets ParticipantLeft once for a removal; the removed user gets RemovedFromSession instead', async () => {
      const { session, ids } = await gm.sessionWith('Player', 'Assistant', 'Guest');
      const [player, assistant, guest] = ids;
      const watchers = await Promise.all([gm.userId, assistant, guest].map(live));
      const removed = await live(player);
      for (const c of [...watchers, removed]) expect((await c.subscribe(session.id)).ok).toBe(true);

      const res = await gm.removeParticipant(session.id, player).expect(200);
      await gm.changeStatus(session.id, 'Scheduled').expect(200);
      await Promise.all(watchers.map((w) => w.waitForEvent('SessionStatusChanged', 6)));
      await settle();

      const expected = {
        event: 'ParticipantLeft',
        sessionId: session.id,
        seq: 5,
        occurredAt: res.body.updatedAt,
        userId: player,
        type: 'Player',
        reason: 'removed',
        removedBy: gm.userId,
        note: null,
        ban: null,
      };
      for (const w of watchers) expect(w.named('ParticipantLeft')).toEqual([expected]);
      expect(removed.received).toEqual([
        {
          name: 'RemovedFromSession',
          payload: { sessionId: session.id, seq: 5, occurredAt: res.body.updatedAt, removedBy: gm.userId, reason: 'removed', note: null, ban: null },
        },
      ]);
    });

    it('a participant who leaves gets RemovedFromSession (left); the others get ParticipantLeft once', async () => {
      const { session, ids } = await gm.sessionWith('Guest');
      const watcher = await live(gm.userId);
      const leaver = await live(ids[0]);
      await watcher.subscribe(session.id);
      await leaver.subscribe(session.id);

      await as(ids[0]).removeParticipant(session.id, ids[0]).expect(200);
      await watcher.waitForEvent('ParticipantLeft', 3);
      await leaver.waitForEvent('RemovedFromSession', 3);
      await settle();

      expect(watcher.named('ParticipantLeft')).toEqual([
        expect.objectContaining({ seq: 3, userId: ids[0], type: 'Guest', reason: 'left', removedBy: null }),
      ]);
      expect(leaver.received.map((r) => r.name)).toEqual(['RemovedFromSession']);
      expect(leaver.named('RemovedFromSession')[0]).toMatchObject({ reason: 'left', removedBy: null });
    });

    it('delivers ParticipantJoined and SessionStatusChanged in the log shape', async () => {
      const { session } = await gm.sessionWith();
      const watcher = await live(gm.userId);
      await watcher.subscribe(session.id);
      const newcomer = newUserId();

      await gm.addParticipant(session.id, newcomer, 'Assistant').expect(201);
      await gm.changeStatus(session.id, 'Cancelled').expect(200);
      await watcher.waitForEvent('SessionStatusChanged', 3);

      const log = (await gm.listEvents(session.id).expect(200)).body.items;
      expect(watcher.received).toEqual([
        { name: 'ParticipantJoined', payload: log[1] },
        { name: 'SessionStatusChanged', payload: log[2] },
      ]);
    });

    it('sends nothing for a request that failed', async () => {
      const { session, ids } = await gm.sessionWith('Player');
      const watcher = await live(ids[0]);
      await watcher.subscribe(session.id);

      await as(ids[0]).changeStatus(session.id, 'Finished').expect(403);
      await gm.removeParticipant(session.id, gm.userId).expect(400);
      await gm.addParticipant(session.id, ids[0]).expect(409);
      await gm.changeStatus(session.id, 'Scheduled').expect(200);
      await watcher.waitForEvent('SessionStatusChanged', 3);

      expect(watcher.received.map((r) => r.payload.seq)).toEqual([3]);
    });

    it('session:unsubscribe stops the events', async () => {
      const { session } = await gm.sessionWith();
      const watcher = await live(gm.userId);
      await watcher.subscribe(session.id);

      expect(await watcher.unsubscribe(session.id)).toEqual({ ok: true });
      await gm.addParticipant(session.id, newUserId()).expect(201);
      await settle();

      expect(watcher.received).toEqual([]);
    });
  });

  describe('eviction', () => {
    it('a user with three sockets is cut off on all three, hears nothing more, cannot subscribe again; other sessions go on', async () => {
      const { session, ids } = await gm.sessionWith('Player', 'Guest');
      const [player, guest] = ids;
      const other = await as(newUserId()).createdSession('another table');
      await as(other.ownerId).addParticipant(other.id, player).expect(201);
      const tabs = await Promise.all([player, player, player].map(live));
      for (const tab of tabs) expect((await tab.subscribe(session.id)).ok).toBe(true);
      expect((await tabs[0].subscribe(other.id)).ok).toBe(true);
      const watcher = await live(guest);
      await watcher.subscribe(session.id);

      await gm.removeParticipant(session.id, player).expect(200);
      await Promise.all(tabs.map((tab) => tab.waitForEvent('RemovedFromSession', 4)));
      await gm.addParticipant(session.id, newUserId()).expect(201);
      await gm.changeStatus(session.id, 'Scheduled').expect(200);
      await watcher.waitForEvent('SessionStatusChanged', 6);
      await as(other.ownerId).changeStatus(other.id, 'Scheduled').expect(200);
      await tabs[0].waitForEvent('SessionStatusChanged', 3);
      await settle();

      for (const tab of tabs) {
        const ofSession = tab.received.filter((r) => r.payload.sessionId === session.id);
        expect(ofSession.map((r) => r.name)).toEqual(['RemovedFromSession']);
        expect(await tab.subscribe(session.id)).toEqual({
          ok: false,
          error: {
            status: 404,
            code: 'REMOVED_FROM_SESSION',
            detail: 'You were removed from this game session',
            removal: { at: expect.any(String), reason: 'removed', removedBy: { userId: gm.userId, displayName: null }, note: null, ban: null },
          },
        });
      }
      expect(tabs[0].named('SessionStatusChanged')).toEqual([expect.objectContaining({ sessionId: other.id, seq: 3 })]);
    });
  });

  describe('catching up with afterSeq', () => {
    it('delivers the missed events in order, then live ones, with no gap and no duplicate', async () => {
      const { session } = await gm.sessionWith('Player');
      const client = await live(gm.userId);
      for (let i = 0; i < 5; i++) await gm.addParticipant(session.id, newUserId(), 'Guest').expect(201);

      const subscribing = client.subscribe(session.id, 1);
      const racing = Promise.all([0, 1, 2].map(() => gm.addParticipant(session.id, newUserId(), 'Guest')));
      const ack = await subscribing;
      await racing;
      await client.waitForEvent('ParticipantJoined', 10);
      await gm.changeStatus(session.id, 'Scheduled').expect(200);
      await client.waitForEvent('SessionStatusChanged', 11);
      await settle();

      expect(ack.ok).toBe(true);
      expect(client.received.map((r) => r.payload.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const log = (await gm.listEvents(session.id).expect(200)).body.items;
      expect(client.received.map((r) => r.payload)).toEqual(log.slice(1));
    });

    it('an afterSeq at the latest seq delivers only live events', async () => {
      const { session } = await gm.sessionWith('Player');
      const client = await live(gm.userId);

      const ack = await client.subscribe(session.id, 2);
      await gm.changeStatus(session.id, 'Scheduled').expect(200);
      await client.waitForEvent('SessionStatusChanged', 3);

      expect(ack.seq).toBe(2);
      expect(client.received.map((r) => r.payload.seq)).toEqual([3]);
    });
  });

  describe('bookkeeping', () => {
    it('leaves nothing behind after many connects, subscriptions, removals and disconnects', async () => {
      const feeds = t.app.get(LiveSessionFeeds);
      const sessions = await Promise.all([0, 1, 2].map(() => gm.sessionWith('Player', 'Guest', 'Assistant')));
      const sockets: LiveClient[] = [];
      for (const { session, ids } of sessions) {
        for (const userId of [gm.userId, ...ids, ids[0]]) {
          const client = await LiveClient.connect(t.url, userId);
          sockets.push(client);
          await client.subscribe(session.id);
        }
        await client(sockets).subscribe(newUserId());
      }
      expect(feeds.stats()).toMatchObject({ sessions: 3, presence: 3 });

      const [first, second] = sessions;
      await gm.removeParticipant(first.session.id, first.ids[0]).expect(200);
      await as(second.ids[1]).removeParticipant(second.session.id, second.ids[1]).expect(200);
      await settle();
      await sockets[1].unsubscribe(first.session.id);
      for (const s of sockets) s.close();
      await settle(500);

      expect(feeds.stats()).toEqual({ sessions: 0, presence: 0, rooms: 0, sockets: 0 });
      expect(t.app.get(RateLimits).sockets.size).toBe(0);
    });
  });
});

const client = (sockets: LiveClient[]) => sockets[sockets.length - 1];
