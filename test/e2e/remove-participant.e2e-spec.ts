import type { GameSessionView } from '../../src/contract/session-views';
import { RosterApi, expectProblem, userIdsOf } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Remove Participant: DELETE /api/game-sessions/{id}/participants/{userId}', () => {
  const t = useTestApp();
  let gm: RosterApi;
  const as = (userId: string) => new RosterApi(t.http, userId);

  beforeEach(() => {
    gm = as(newUserId());
  });

  /** The refused request changed nothing: same roster, same version, same log. */
  async function expectUnchanged(before: GameSessionView): Promise<void> {
    const after = (await gm.getSession(before.id).expect(200)).body;
    expect(after).toEqual(before);
    const log = (await gm.listEvents(before.id).expect(200)).body.items;
    expect(log.at(-1).seq).toBe(before.version);
  }

  it.each([
    ['AC-01', 'Player'],
    ['AC-02', 'Assistant'],
    ['AC-03', 'Guest'],
  ])('%s: the Game Master removes a %s (200, gone from players)', async (_ac, type) => {
    const { session, ids } = await gm.sessionWith('Player', type);
    const [other, target] = ids;

    const res = await gm.removeParticipant(session.id, target).expect(200);

    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(userIdsOf(res.body)).toEqual([gm.userId, other]);
    expect(res.body).toMatchObject({ id: session.id, ownerId: gm.userId, status: 'Draft', version: session.version + 1 });
    expect((await gm.getSession(session.id).expect(200)).body).toEqual(res.body);
  });

  it('AC-04: removing the Game Master answers 400', async () => {
    const { session } = await gm.sessionWith('Player');

    const res = await gm.removeParticipant(session.id, gm.userId);

    expectProblem(res, 400, 'CANNOT_REMOVE_MASTER', 'Cannot remove the Game Master from the session');
    await expectUnchanged(session);
  });

  it('AC-05: removing from a finished session answers 400', async () => {
    const { session: open, ids } = await gm.sessionWith('Player');
    await gm.changeStatus(open.id, 'Finished').expect(200);
    const session = (await gm.getSession(open.id).expect(200)).body;

    const res = await gm.removeParticipant(session.id, ids[0]);

    expectProblem(res, 400, 'SESSION_FINISHED', 'Cannot remove participants from finished session');
    await expectUnchanged(session);
  });

  it('removing from a cancelled session answers 400 SESSION_CANCELLED', async () => {
    const { session: open, ids } = await gm.sessionWith('Player');
    await gm.changeStatus(open.id, 'Cancelled').expect(200);
    const session = (await gm.getSession(open.id).expect(200)).body;

    const res = await gm.removeParticipant(session.id, ids[0]);

    expectProblem(res, 400, 'SESSION_CANCELLED', 'Cannot remove participants from cancelled session');
    await expectUnchanged(session);
  });

  it('AC-06: a participant who is not the owner cannot remove others (403)', async () => {
    const { session, ids } = await gm.sessionWith('Assistant', 'Player');

    const res = await as(ids[0]).removeParticipant(session.id, ids[1]);

    expectProblem(res, 403, 'NOT_GAME_MASTER', 'Only the Game Master can remove participants');
    await expectUnchanged(session);
  });

  it('AC-06: a user outside the session cannot remove participants (403)', async () => {
    const { session, ids } = await gm.sessionWith('Player');

    const res = await as(newUserId()).removeParticipant(session.id, ids[0]);

    expectProblem(res, 403, 'NOT_GAME_MASTER', 'Only the Game Master can remove participants');
    await expectUnchanged(session);
  });

  it('AC-07: removing a user who is not a participant answers 404', async () => {
    const { session } = await gm.sessionWith('Player');

    const res = await gm.removeParticipant(session.id, newUserId());

    expectProblem(res, 404, 'PARTICIPANT_NOT_FOUND', 'User is not a participant in this session');
    await expectUnchanged(session);
  });

  it('AC-07: removing an already removed participant answers 404', async () => {
    const { session, ids } = await gm.sessionWith('Player');
    await gm.removeParticipant(session.id, ids[0]).expect(200);
    const after = (await gm.getSession(session.id).expect(200)).body;

    const res = await gm.removeParticipant(session.id, ids[0]);

    expectProblem(res, 404, 'PARTICIPANT_NOT_FOUND', 'User is not a participant in this session');
    await expectUnchanged(after);
  });

  it('a participant leaves on their own (200) and can no longer see the session', async () => {
    const { session, ids } = await gm.sessionWith('Guest');
    const guest = as(ids[0]);

    const res = await guest.removeParticipant(session.id, guest.userId).expect(200);

    expect(userIdsOf(res.body)).toEqual([gm.userId]);
    expectProblem(await guest.getSession(session.id), 404, 'REMOVED_FROM_SESSION', 'You left this game session', {
      removal: { at: res.body.updatedAt, reason: 'left', removedBy: null, note: null, ban: null },
    });
  });

  it('a non-participant removing themselves answers 404 PARTICIPANT_NOT_FOUND', async () => {
    const { session } = await gm.sessionWith('Player');
    const outsider = as(newUserId());

    const res = await outsider.removeParticipant(session.id, outsider.userId);

    expectProblem(res, 404, 'PARTICIPANT_NOT_FOUND', 'User is not a participant in this session');
    await expectUnchanged(session);
  });

  it('an unknown session answers 404 SESSION_NOT_FOUND', async () => {
    const res = await gm.removeParticipant(newUserId(), newUserId());

    expectProblem(res, 404, 'SESSION_NOT_FOUND', 'Game session not found');
  });

  it('the session is checked before the permission: unknown session, non-owner → 404', async () => {
    expectProblem(await as(newUserId()).removeParticipant(newUserId(), newUserId()), 404, 'SESSION_NOT_FOUND');
  });

  it('the permission is checked before the status: non-owner on a finished session → 403', async () => {
    const { session, ids } = await gm.sessionWith('Player');
    await gm.changeStatus(session.id, 'Finished').expect(200);

    expectProblem(await as(ids[0]).removeParticipant(session.id, gm.userId), 403, 'NOT_GAME_MASTER');
  });

  it('the status is checked before the target: finished session, unknown target → 400', async () => {
    const { session } = await gm.sessionWith();
    await gm.changeStatus(session.id, 'Finished').expect(200);

    expectProblem(await gm.removeParticipant(session.id, newUserId()), 400, 'SESSION_FINISHED');
  });

  it.each([
    ['a session id', 'not-a-uuid', newUserId(), 'id must be a UUID'],
    ['a user id', newUserId(), '1234', 'userId must be a UUID'],
  ])('%s that is not a UUID answers 400 VALIDATION_FAILED', async (_what, sessionId, userId, detail) => {
    expectProblem(await gm.removeParticipant(sessionId, userId), 400, 'VALIDATION_FAILED', detail);
  });

  it('ids compare the same whatever their case', async () => {
    const { session, ids } = await gm.sessionWith('Player');

    const res = await gm.removeParticipant(session.id.toUpperCase(), ids[0].toUpperCase()).expect(200);

    expect(userIdsOf(res.body)).toEqual([gm.userId]);
  });

  it('removal keeps history: the log records who left, who removed them and when', async () => {
    const { session, ids } = await gm.sessionWith('Player', 'Guest');
    const [player, guest] = ids;
    const removed = await gm.removeParticipant(session.id, player).expect(200);
    await as(guest).removeParticipant(session.id, guest).expect(200);

    const log = (await gm.listEvents(session.id).expect(200)).body.items;

    expect(log.slice(-2)).toEqual([
      {
        event: 'ParticipantLeft',
        sessionId: session.id,
        seq: session.version + 1,
        occurredAt: removed.body.updatedAt,
        userId: player,
        type: 'Player',
        reason: 'removed',
        removedBy: gm.userId,
        note: null,
        ban: null,
      },
      {
        event: 'ParticipantLeft',
        sessionId: session.id,
        seq: session.version + 2,
        occurredAt: expect.any(String),
        userId: guest,
        type: 'Guest',
        reason: 'left',
        removedBy: null,
        note: null,
        ban: null,
      },
    ]);
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM game_session_events WHERE session_id = $1 AND data->>'userId' = $2`,
      [session.id, player],
    );
    expect(rows[0].n).toBe(2);
  });

  it('a removed user can be added again by the Game Master, as a new participation', async () => {
    const { session, ids } = await gm.sessionWith('Player');
    const first = (await gm.getSession(session.id)).body.players[1].joinedAt;
    await gm.removeParticipant(session.id, ids[0]).expect(200);

    const res = await gm.addParticipant(session.id, ids[0], 'Guest').expect(201);

    expect(res.body.players[1]).toEqual({ userId: ids[0], displayName: null, type: 'Guest', joinedAt: expect.any(String) });
    expect(res.body.players[1].joinedAt > first).toBe(true);
    const log = (await gm.listEvents(session.id).expect(200)).body.items;
    expect(log.map((e: { event: string }) => e.event)).toEqual([
      'ParticipantJoined',
      'ParticipantJoined',
      'ParticipantLeft',
      'ParticipantJoined',
    ]);
  });
});
