import { PRESENCE_GRACE_MS } from '../../src/game-sessions/infrastructure/realtime/live-presence';
import { LiveClient, Received, settle, useLiveClients } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { TestApp, startTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

/** Where the Game Master watches (`a`) and where the players' sockets go (`b`): one instance, or two on one database. */
const topologies: [string, Record<string, string> | undefined][] = [
  ['one instance', undefined],
  ['two instances, PostgreSQL adapter', {}],
  ...(process.env.TEST_REDIS_URL ? [['two instances, Redis adapter', { REDIS_URL: process.env.TEST_REDIS_URL }] as [string, Record<string, string>]] : []),
];

const presenceOf = (userId: string) => (r: Received) => r.name === 'PresenceChanged' && r.payload.userId === userId;
/** Longer than the grace, with room for the other instances' answer. */
const BEYOND_GRACE_MS = PRESENCE_GRACE_MS + 1500;

describe.each(topologies)('Presence: who is connected to a session right now (%s)', (_topology, second) => {
  jest.setTimeout(20_000);
  let a: TestApp;
  let b: TestApp;
  const live = useLiveClients();

  beforeAll(async () => {
    a = await startTestApp(second ?? {});
    b = second ? await startTestApp(second, a.database) : a;
  });
  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  async function table() {
    const gm = new RosterApi(a.http, newUserId());
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const gmSocket = await live(a.url, gm.userId);
    expect((await gmSocket.subscribe(session.id)).online).toEqual([gm.userId]);
    return { gm, session, gmSocket, player: ids[0], guest: ids[1] };
  }

  async function subscribed(on: TestApp, userId: string, sessionId: string): Promise<LiveClient> {
    const client = await live(on.url, userId);
    expect((await client.subscribe(sessionId)).ok).toBe(true);
    return client;
  }

  it('the ack lists who is online in roster order, the subscriber among them, wherever their sockets are; offline participants are not in it', async () => {
    const { gm, session, player, guest } = await table();

    const ack = await (await live(b.url, player)).subscribe(session.id);

    expect(ack).toMatchObject({ ok: true, seq: 3, online: [gm.userId, player] });
    expect(ack.online).not.toContain(guest);
  });

  it("a user's first socket tells the other subscribers PresenceChanged { online: true }, once; their second tab changes nothing; they are not told of themselves", async () => {
    const { session, gmSocket, player } = await table();

    const firstTab = await subscribed(b, player, session.id);
    const came = await gmSocket.waitFor(presenceOf(player));
    const secondTab = await subscribed(a, player, session.id);
    await settle(500);

    expect(came.payload).toEqual({ sessionId: session.id, userId: player, online: true });
    expect(gmSocket.heard.filter(presenceOf(player))).toHaveLength(1);
    expect(firstTab.heard.filter(presenceOf(player))).toEqual([]);
    expect(secondTab.heard.filter(presenceOf(player))).toEqual([]);
  });

  it('closing one of two tabs changes nothing; closing the last one makes them offline once the grace is over, not before', async () => {
    const { session, gmSocket, player } = await table();
    const [tabOnB, tabOnA] = [await subscribed(b, player, session.id), await subscribed(a, player, session.id)];
    await gmSocket.waitFor(presenceOf(player));

    tabOnB.close();
    await settle(BEYOND_GRACE_MS);
    expect(gmSocket.heard.filter(presenceOf(player))).toHaveLength(1);

    tabOnA.close();
    await settle(PRESENCE_GRACE_MS / 2);
    expect(gmSocket.heard.filter(presenceOf(player))).toHaveLength(1);
    const went = await gmSocket.waitFor((r) => presenceOf(player)(r) && r.payload.online === false, BEYOND_GRACE_MS);
    expect(went.payload).toEqual({ sessionId: session.id, userId: player, online: false });
  });

  it('a reconnect within the grace, to the other instance, is no flip: nothing is announced, and the ack still lists them', async () => {
    const { gm, session, gmSocket, player } = await table();
    const before = await subscribed(a, player, session.id);
    await gmSocket.waitFor(presenceOf(player));

    before.close();
    await settle(PRESENCE_GRACE_MS / 4);
    const back = await live(b.url, player);
    const ack = await back.subscribe(session.id);
    await settle(BEYOND_GRACE_MS);

    expect(ack.online).toEqual([gm.userId, player]);
    expect(gmSocket.heard.filter(presenceOf(player)).map((r) => r.payload.online)).toEqual([true]);
  });

  it('session:unsubscribe is going too: offline after the grace', async () => {
    const { session, gmSocket, player } = await table();
    const tab = await subscribed(b, player, session.id);
    await gmSocket.waitFor(presenceOf(player));

    expect(await tab.unsubscribe(session.id)).toEqual({ ok: true });

    await gmSocket.waitFor((r) => presenceOf(player)(r) && r.payload.online === false, BEYOND_GRACE_MS + 1000);
  });

  it("a removed user drops out at once (no grace), and hears no one's presence after the removal", async () => {
    const { gm, session, gmSocket, player, guest } = await table();
    const removed = await subscribed(b, player, session.id);
    await gmSocket.waitFor(presenceOf(player));

    await gm.removeParticipant(session.id, player).expect(200);
    // Before the grace could have run out: the removal itself takes them off.
    const gone = await gmSocket.waitFor((r) => presenceOf(player)(r) && r.payload.online === false, PRESENCE_GRACE_MS - 500);
    const guestSocket = await live(b.url, guest);
    const guestAck = await guestSocket.subscribe(session.id);
    await gmSocket.waitFor(presenceOf(guest));
    await settle();

    expect(gone.payload).toEqual({ sessionId: session.id, userId: player, online: false });
    const order = gmSocket.heard.map((r) => r.name);
    expect(order.indexOf('ParticipantLeft')).toBeLessThan(order.lastIndexOf('PresenceChanged'));
    expect(guestAck.online).toEqual([gm.userId, guest]);
    expect(removed.heard.filter((r) => r.name === 'PresenceChanged')).toEqual([]);
  });

  it('a re-seated user who subscribes again is online again', async () => {
    const { gm, session, gmSocket, player } = await table();
    const tab = await subscribed(b, player, session.id);
    await gm.removeParticipant(session.id, player).expect(200);
    await tab.waitFor((r) => r.name === 'RemovedFromSession');
    await gm.addParticipant(session.id, player).expect(201);

    const ack = await tab.subscribe(session.id);

    expect(ack.online).toEqual([gm.userId, player]);
    await gmSocket.waitFor((r) => presenceOf(player)(r) && r.payload.online === true && gmSocket.heard.indexOf(r) > gmSocket.heard.findIndex((x) => x.name === 'ParticipantLeft'));
  });

  it('presence is never in the log: the events are the roster changes alone', async () => {
    const { gm, session, player } = await table();
    (await subscribed(b, player, session.id)).close();
    await settle(BEYOND_GRACE_MS);

    const log = (await gm.listEvents(session.id).expect(200)).body.items;

    expect(log.map((e: { event: string }) => e.event)).toEqual(['ParticipantJoined', 'ParticipantJoined', 'ParticipantJoined']);
  });
});
