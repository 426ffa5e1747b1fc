import { settle, useLiveClients } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { TestApp, startTestApp, useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe("A user's own feed: every socket of a user, subscribed to nothing, hears when they are seated or removed", () => {
  const t = useTestApp();
  const live = useLiveClients();

  it('seated by the GM: each of their sockets gets AddedToSession { sessionId, seq, title, type }; nobody else does', async () => {
    const gm = new RosterApi(t.http, newUserId());
    const session = await gm.createdSession('Curse of Strahd, night 3');
    const player = newUserId();
    const [tab, phone, someoneElse] = [await live(t.url, player), await live(t.url, player), await live(t.url, newUserId())];

    await gm.addParticipant(session.id, player, 'Assistant').expect(201);

    for (const socket of [tab, phone]) {
      const { payload } = await socket.waitFor((r) => r.name === 'AddedToSession');
      expect(payload).toEqual({ sessionId: session.id, seq: 2, title: 'Curse of Strahd, night 3', type: 'Assistant' });
    }
    await settle();
    expect(someoneElse.heard).toEqual([]);
  });

  it('creating a session tells the creator\'s other tabs (as Master); a removal then a re-seat arrive with growing seq', async () => {
    const gmId = newUserId();
    const gm = new RosterApi(t.http, gmId);
    const gmTab = await live(t.url, gmId);
    const session = await gm.createdSession('Night 4');
    const player = newUserId();
    const tab = await live(t.url, player);

    await gm.addParticipant(session.id, player).expect(201);
    await gm.removeParticipant(session.id, player).expect(200);
    await gm.addParticipant(session.id, player, 'Guest').expect(201);

    expect((await gmTab.waitFor((r) => r.name === 'AddedToSession')).payload).toMatchObject({ sessionId: session.id, seq: 1, type: 'Master' });
    await tab.waitFor((r) => r.name === 'AddedToSession' && r.payload.seq === 4);
    const feed = tab.heard.map((r) => [r.name, r.payload.seq]).sort((x, y) => Number(x[1]) - Number(y[1]));
    expect(feed).toEqual([
      ['AddedToSession', 2],
      ['RemovedFromSession', 3],
      ['AddedToSession', 4],
    ]);
  });

  describe('with two instances', () => {
    let b: TestApp;
    beforeAll(async () => {
      b = await startTestApp({}, t.database);
    });
    afterAll(() => b.close());

    it('seated through one instance, their socket on the other gets AddedToSession', async () => {
      const gm = new RosterApi(t.http, newUserId());
      const session = await gm.createdSession('Across instances');
      const player = newUserId();
      const onB = await live(b.url, player);

      await gm.addParticipant(session.id, player).expect(201);

      expect((await onB.waitFor((r) => r.name === 'AddedToSession')).payload).toEqual({
        sessionId: session.id,
        seq: 2,
        title: 'Across instances',
        type: 'Player',
      });
    });
  });
});
