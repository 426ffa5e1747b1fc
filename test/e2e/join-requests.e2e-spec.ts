import { settle, useLiveClients } from '../support/live-client';
import { RosterApi, expectProblem } from '../support/roster-api';
import { replayRoster, seatsOf } from '../support/replay';
import { TestApp, startTestApp, useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Join requests: an invitation that asks the Game Master first fills a waiting room', () => {
  const t = useTestApp();
  const as = (userId: string, tokenName?: string) => new RosterApi(t.http, userId, tokenName);
  const live = useLiveClients();
  const accept = (api: RosterApi, code: string, body: object = {}) => api.call('post', `/api/invites/${code}/accept`).send(body);
  const queue = (api: RosterApi, sessionId: string) => api.call('get', `/api/game-sessions/${sessionId}/join-requests`);
  const approve = (api: RosterApi, sessionId: string, userId: string) => api.call('post', `/api/game-sessions/${sessionId}/join-requests/${userId}/approve`);
  const deny = (api: RosterApi, sessionId: string, userId: string) => api.call('post', `/api/game-sessions/${sessionId}/join-requests/${userId}/deny`);
  const withdraw = (api: RosterApi, sessionId: string, userId: string) => api.call('delete', `/api/game-sessions/${sessionId}/join-requests/${userId}`);

  async function waitingRoom(maxUses?: number) {
    const gm = as(newUserId(), 'Strahd');
    const session = await gm.createdSession('Night 5');
    const body = maxUses === undefined ? { type: 'Guest', approval: true } : { type: 'Guest', approval: true, maxUses };
    const invitation = (await gm.call('post', `/api/game-sessions/${session.id}/invites`).send(body).expect(201)).body;
    return { gm, session, code: invitation.code as string };
  }

  it('accepting files a request (202 { joinRequest }), seats nobody, counts one use; the GM lists it', async () => {
    const { gm, session, code } = await waitingRoom();
    const ben = as(newUserId());

    const res = await accept(ben, code, { displayName: 'Ben' }).expect(202);

    const joinRequest = { userId: ben.userId, displayName: 'Ben', type: 'Guest', requestedAt: expect.any(String) };
    expect(res.body).toEqual({ joinRequest });
    expect(res.headers.location).toBeUndefined();
    expect((await queue(gm, session.id).expect(200)).body.items).toEqual([joinRequest]);
    expect((await gm.getSession(session.id).expect(200)).body.players).toHaveLength(1);
    expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items[0].uses).toBe(1);
    expect((await gm.listEvents(session.id).expect(200)).body.items).toHaveLength(1);
  });

  it('a second accept while one is waiting: 409 JOIN_REQUEST_PENDING, no second use', async () => {
    const { gm, session, code } = await waitingRoom();
    const ben = as(newUserId());
    await accept(ben, code).expect(202);

    expectProblem(await accept(ben, code), 409, 'JOIN_REQUEST_PENDING', 'Your request to join this session is already waiting for the Game Master');
    expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items[0].uses).toBe(1);
  });

  it('approve: 201 with the session, the requester seated as asked (type, name), ParticipantJoined in the log, the queue empty', async () => {
    const { gm, session, code } = await waitingRoom();
    const ben = as(newUserId(), 'Ben');
    await accept(ben, code).expect(202);

    const res = await approve(gm, session.id, ben.userId).expect(201);

    expect(res.headers.location).toBe(`/api/game-sessions/${session.id}/participants/${ben.userId}`);
    expect(res.body.players.at(-1)).toMatchObject({ userId: ben.userId, displayName: 'Ben', type: 'Guest' });
    expect((await queue(gm, session.id).expect(200)).body.items).toEqual([]);
    const log = (await ben.listEvents(session.id).expect(200)).body.items;
    expect(replayRoster(log)).toEqual(seatsOf(res.body));
  });

  it('deny (204) and withdraw (204) take the request away; nobody is seated; then 404 JOIN_REQUEST_NOT_FOUND', async () => {
    const { gm, session, code } = await waitingRoom();
    const [ben, cleo] = [as(newUserId()), as(newUserId())];
    await accept(ben, code).expect(202);
    await accept(cleo, code).expect(202);

    await deny(gm, session.id, ben.userId).expect(204);
    await withdraw(cleo, session.id, cleo.userId).expect(204);

    expect((await queue(gm, session.id).expect(200)).body.items).toEqual([]);
    expect((await gm.getSession(session.id).expect(200)).body.players).toHaveLength(1);
    expectProblem(await approve(gm, session.id, ben.userId), 404, 'JOIN_REQUEST_NOT_FOUND', 'No join request of this user is waiting');
    expectProblem(await withdraw(cleo, session.id, cleo.userId), 404, 'JOIN_REQUEST_NOT_FOUND');
  });

  it('only the GM lists, approves and denies (403); only the requester withdraws (403); an unknown session 404', async () => {
    const { gm, session, code } = await waitingRoom();
    const [ben, other] = [as(newUserId()), as(newUserId())];
    await accept(ben, code).expect(202);

    expectProblem(await queue(ben, session.id), 403, 'NOT_GAME_MASTER', 'Only the Game Master can answer join requests');
    expectProblem(await approve(ben, session.id, ben.userId), 403, 'NOT_GAME_MASTER');
    expectProblem(await deny(other, session.id, ben.userId), 403, 'NOT_GAME_MASTER');
    expectProblem(await withdraw(gm, session.id, ben.userId), 403, 'NOT_GAME_MASTER', 'Only the requester can withdraw a join request; the Game Master denies it');
    expectProblem(await queue(gm, newUserId()), 404, 'SESSION_NOT_FOUND');
    expect((await queue(gm, session.id).expect(200)).body.items).toHaveLength(1);
  });

  it('approving on a frozen roster: 400 SESSION_CANCELLED, and the request stays waiting', async () => {
    const { gm, session, code } = await waitingRoom();
    const ben = as(newUserId());
    await accept(ben, code).expect(202);
    await gm.changeStatus(session.id, 'Cancelled').expect(200);

    expectProblem(await approve(gm, session.id, ben.userId), 400, 'SESSION_CANCELLED', 'Cannot add participants to cancelled session');
    expect((await queue(gm, session.id).expect(200)).body.items).toHaveLength(1);
  });

  it('approve against withdraw at once, twenty times: exactly one wins each time; seated iff approved; the roster is the replay of the log', async () => {
    const { gm, session, code } = await waitingRoom();
    for (let round = 0; round < 20; round++) {
      const ben = as(newUserId());
      await accept(ben, code).expect(202);

      const [approved, withdrawn] = await Promise.all([approve(gm, session.id, ben.userId), withdraw(ben, session.id, ben.userId)]);

      expect([approved.status, withdrawn.status].sort()).toEqual(approved.status === 201 ? [201, 404] : [204, 404]);
      const seated = (await gm.getSession(session.id).expect(200)).body.players.some((p: { userId: string }) => p.userId === ben.userId);
      expect(seated).toBe(approved.status === 201);
    }
    const after = (await gm.getSession(session.id).expect(200)).body;
    expect(replayRoster((await gm.listEvents(session.id).expect(200)).body.items)).toEqual(seatsOf(after));
    expect((await queue(gm, session.id).expect(200)).body.items).toEqual([]);
  });

  it("the GM's sockets and the requester's hear JoinRequested, then JoinRequestApproved; nobody else does; none is in the log", async () => {
    const { gm, session, code } = await waitingRoom();
    const ben = as(newUserId());
    const [gmSocket, benSocket, outsider] = [await live(t.url, gm.userId), await live(t.url, ben.userId), await live(t.url, newUserId())];

    await accept(ben, code, { displayName: 'Ben' }).expect(202);
    await approve(gm, session.id, ben.userId).expect(201);

    for (const socket of [gmSocket, benSocket]) {
      const requested = await socket.waitFor((r) => r.name === 'JoinRequested');
      expect(requested.payload).toEqual({ event: 'JoinRequested', sessionId: session.id, userId: ben.userId, displayName: 'Ben', type: 'Guest', requestedAt: expect.any(String) });
      await socket.waitFor((r) => r.name === 'JoinRequestApproved' && r.payload.userId === ben.userId);
    }
    await settle();
    expect(outsider.heard).toEqual([]);
    const log = (await gm.listEvents(session.id).expect(200)).body.items;
    expect(log.map((e: { event: string }) => e.event)).toEqual(['ParticipantJoined', 'ParticipantJoined']);
  });

  it('denied and withdrawn are heard too', async () => {
    const { gm, session, code } = await waitingRoom();
    const [ben, cleo] = [as(newUserId()), as(newUserId())];
    const gmSocket = await live(t.url, gm.userId);
    await accept(ben, code).expect(202);
    await accept(cleo, code).expect(202);

    await deny(gm, session.id, ben.userId).expect(204);
    await withdraw(cleo, session.id, cleo.userId).expect(204);

    await gmSocket.waitFor((r) => r.name === 'JoinRequestDenied' && r.payload.userId === ben.userId);
    await gmSocket.waitFor((r) => r.name === 'JoinRequestWithdrawn' && r.payload.userId === cleo.userId);
  });

  describe('with two instances', () => {
    let b: TestApp;
    beforeAll(async () => {
      b = await startTestApp({}, t.database);
    });
    afterAll(() => b.close());

    it('a request filed through one instance reaches the GM on the other, and the answer reaches the requester there', async () => {
      const { gm, session, code } = await waitingRoom();
      const ben = as(newUserId());
      const gmOnB = await live(b.url, gm.userId);
      const benOnB = await live(b.url, ben.userId);

      await accept(ben, code).expect(202);
      await gmOnB.waitFor((r) => r.name === 'JoinRequested' && r.payload.userId === ben.userId);
      await deny(gm, session.id, ben.userId).expect(204);

      await benOnB.waitFor((r) => r.name === 'JoinRequestDenied' && r.payload.sessionId === session.id);
    });
  });
});
