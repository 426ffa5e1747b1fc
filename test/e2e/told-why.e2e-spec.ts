import { LiveClient } from '../support/live-client';
import { RosterApi, expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Told why: a removed or departed user reading the session gets 404 REMOVED_FROM_SESSION with how their seat ended', () => {
  const t = useTestApp();
  const as = (userId: string, tokenName?: string) => new RosterApi(t.http, userId, tokenName);

  async function table() {
    const gm = as(newUserId(), 'Strahd');
    const session = await gm.createdSession();
    const player = as(newUserId());
    await gm.addParticipant(session.id, player.userId, 'Player', 'Ireena').expect(201);
    return { gm, session, player };
  }

  it('removed by the GM: the session and its events answer who removed them (by id and name), when, and "removed"', async () => {
    const { gm, session, player } = await table();
    const removed = (await gm.removeParticipant(session.id, player.userId).expect(200)).body;
    const removal = { at: removed.updatedAt, reason: 'removed', removedBy: { userId: gm.userId, displayName: 'Strahd' }, note: null, ban: null };

    expectProblem(await player.getSession(session.id), 404, 'REMOVED_FROM_SESSION', 'You were removed from this game session', { removal });
    expectProblem(await player.listEvents(session.id), 404, 'REMOVED_FROM_SESSION', 'You were removed from this game session', { removal });
  });

  it('left on their own: reason "left", removedBy null', async () => {
    const { session, player } = await table();
    const left = (await player.removeParticipant(session.id, player.userId).expect(200)).body;

    expectProblem(await player.getSession(session.id), 404, 'REMOVED_FROM_SESSION', 'You left this game session', {
      removal: { at: left.updatedAt, reason: 'left', removedBy: null, note: null, ban: null },
    });
  });

  it('outsiders learn nothing new: someone never seated, or an unknown session, still gets SESSION_NOT_FOUND without a removal', async () => {
    const { gm, session, player } = await table();
    await gm.removeParticipant(session.id, player.userId).expect(200);

    expectProblem(await as(newUserId()).getSession(session.id), 404, 'SESSION_NOT_FOUND', 'Game session not found');
    expectProblem(await as(newUserId()).listEvents(session.id), 404, 'SESSION_NOT_FOUND', 'Game session not found');
    expectProblem(await player.getSession(newUserId()), 404, 'SESSION_NOT_FOUND', 'Game session not found');
  });

  it('only the latest departure counts: seated again, they read the session; removed again, they are told of the second removal', async () => {
    const { gm, session, player } = await table();
    await player.removeParticipant(session.id, player.userId).expect(200);
    await gm.addParticipant(session.id, player.userId, 'Guest').expect(201);

    await player.getSession(session.id).expect(200);
    const second = (await gm.removeParticipant(session.id, player.userId).expect(200)).body;

    expectProblem(await player.getSession(session.id), 404, 'REMOVED_FROM_SESSION', 'You were removed from this game session', {
      removal: { at: second.updatedAt, reason: 'removed', removedBy: { userId: gm.userId, displayName: 'Strahd' }, note: null, ban: null },
    });
  });

  it('the remover is named as the roster names them now: after the GM renames themselves, the new name', async () => {
    const { gm, session, player } = await table();
    await gm.removeParticipant(session.id, player.userId).expect(200);
    await gm.renameParticipant(session.id, gm.userId, 'Count Strahd').expect(200);

    const res = await player.getSession(session.id);

    expect(res.body.removal.removedBy).toEqual({ userId: gm.userId, displayName: 'Count Strahd' });
  });

  it('subscribing over the socket after a removal: the ack is the same 404 with the removal', async () => {
    const { gm, session, player } = await table();
    const removed = (await gm.removeParticipant(session.id, player.userId).expect(200)).body;
    const client = await LiveClient.connect(t.url, player.userId);
    try {
      expect(await client.subscribe(session.id)).toEqual({
        ok: false,
        error: {
          status: 404,
          code: 'REMOVED_FROM_SESSION',
          detail: 'You were removed from this game session',
          removal: { at: removed.updatedAt, reason: 'removed', removedBy: { userId: gm.userId, displayName: 'Strahd' }, note: null, ban: null },
        },
      });
    } finally {
      client.close();
    }
  });

  it('a removed user is not seated anywhere they were removed from: "my sessions" leaves the session out', async () => {
    const { gm, session, player } = await table();
    await gm.removeParticipant(session.id, player.userId).expect(200);

    expect((await player.listSessions().expect(200)).body.items).toEqual([]);
  });
});
