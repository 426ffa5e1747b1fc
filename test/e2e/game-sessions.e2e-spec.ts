import { RosterApi, expectProblem, userIdsOf } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('Game sessions: create, read, add participants, change status, history', () => {
  const t = useTestApp();
  let gm: RosterApi;
  const as = (userId: string) => new RosterApi(t.http, userId);

  beforeEach(() => {
    gm = as(newUserId());
  });

  describe('POST /api/game-sessions', () => {
    it('creates a Draft session whose creator is owner and Master (201)', async () => {
      const res = await gm.createSession('  Curse of Strahd  ').expect(201);

      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Curse of Strahd',
        ownerId: gm.userId,
        status: 'Draft',
        players: [{ userId: gm.userId, displayName: null, type: 'Master', joinedAt: res.body.createdAt }],
        createdAt: expect.stringMatching(ISO),
        updatedAt: res.body.createdAt,
        version: 1,
      });
    });

    it.each([
      ['an empty title', { title: '' }, 'title must be 1 to 128 characters after trimming'],
      ['a whitespace title', { title: '   ' }, 'title must be 1 to 128 characters after trimming'],
      ['a 129-character title', { title: 'x'.repeat(129) }, 'title must be 1 to 128 characters after trimming'],
      ['a title that is not a string', { title: 42 }, 'title must be a string'],
      ['no title', {}, 'title must be a string'],
      ['an unknown field', { title: 'ok', color: 'red' }, 'property color should not exist'],
    ])('refuses %s with 400 naming the field', async (_case, body, detail) => {
      const res = await gm.call('post', '/api/game-sessions').send(body);

      expectProblem(res, 400, 'VALIDATION_FAILED', detail);
      expect((await gm.listSessions().expect(200)).body.items).toEqual([]);
    });

    it.each([
      ['128 letters', 'x'.repeat(128)],
      ['128 emoji', '🎲'.repeat(128)],
    ])('accepts a title of %s, stored as sent', async (_case, title) => {
      const created = await gm.createSession(title).expect(201);

      expect((await gm.getSession(created.body.id).expect(200)).body.title).toBe(title);
    });

    it('refuses a title of 129 emoji', async () => {
      expectProblem(await gm.createSession('🎲'.repeat(129)), 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /api/game-sessions and /api/game-sessions/{id}', () => {
    it('lists the sessions in which the caller is a current participant, newest first', async () => {
      const player = newUserId();
      const first = await gm.createdSession('first');
      const second = await as(newUserId()).createdSession('not mine');
      const third = await gm.createdSession('third');
      await gm.addParticipant(first.id, player).expect(201);

      const mine = (await gm.listSessions().expect(200)).body.items;
      const theirs = (await as(player).listSessions().expect(200)).body.items;

      expect(mine.map((s: { id: string }) => s.id)).toEqual([third.id, first.id]);
      expect(theirs.map((s: { id: string }) => s.id)).toEqual([first.id]);
      expect(theirs[0].players).toHaveLength(2);
      expect(mine.map((s: { id: string }) => s.id)).not.toContain(second.id);
    });

    it('shows a session to its participants', async () => {
      const session = await gm.createdSession();
      const player = newUserId();
      await gm.addParticipant(session.id, player).expect(201);

      const res = await as(player).getSession(session.id).expect(200);

      expect(userIdsOf(res.body)).toEqual([gm.userId, player]);
    });

    it('hides a session from anyone else, removed users included (404; the removed user is told why)', async () => {
      const session = await gm.createdSession();
      const removed = newUserId();
      await gm.addParticipant(session.id, removed).expect(201);
      const removal = (await gm.removeParticipant(session.id, removed).expect(200)).body;

      expectProblem(await as(newUserId()).getSession(session.id), 404, 'SESSION_NOT_FOUND', 'Game session not found');
      expectProblem(await as(removed).getSession(session.id), 404, 'REMOVED_FROM_SESSION', 'You were removed from this game session', {
        removal: { at: removal.updatedAt, reason: 'removed', removedBy: { userId: gm.userId, displayName: null }, note: null, ban: null },
      });
      expect((await as(removed).listSessions().expect(200)).body.items).toEqual([]);
    });
  });

  describe('POST /api/game-sessions/{id}/participants', () => {
    it.each(['Player', 'Assistant', 'Guest'])('the Game Master seats a %s (201)', async (type) => {
      const session = await gm.createdSession();
      const user = newUserId();

      const res = await gm.addParticipant(session.id, user, type).expect(201);

      expect(res.body.players).toEqual([
        session.players[0],
        { userId: user, displayName: null, type, joinedAt: expect.stringMatching(ISO) },
      ]);
      expect(res.body.version).toBe(2);
    });

    it('refuses an existing participant with 409', async () => {
      const session = await gm.createdSession();
      const user = newUserId();
      await gm.addParticipant(session.id, user).expect(201);

      expectProblem(await gm.addParticipant(session.id, user, 'Guest'), 409, 'ALREADY_PARTICIPANT');
      expectProblem(await gm.addParticipant(session.id, gm.userId, 'Guest'), 409, 'ALREADY_PARTICIPANT');
    });

    it('refuses a second Master with 400 CANNOT_ADD_MASTER', async () => {
      const session = await gm.createdSession();

      expectProblem(await gm.addParticipant(session.id, newUserId(), 'Master'), 400, 'CANNOT_ADD_MASTER');
    });

    it('refuses anyone but the Game Master with 403, participant or not', async () => {
      const session = await gm.createdSession();
      const assistant = newUserId();
      await gm.addParticipant(session.id, assistant, 'Assistant').expect(201);

      const detail = 'Only the Game Master can add participants';
      expectProblem(await as(assistant).addParticipant(session.id, newUserId()), 403, 'NOT_GAME_MASTER', detail);
      expectProblem(await as(newUserId()).addParticipant(session.id, newUserId()), 403, 'NOT_GAME_MASTER', detail);
    });

    it.each([
      ['Finished', 'SESSION_FINISHED', 'Cannot add participants to finished session'],
      ['Cancelled', 'SESSION_CANCELLED', 'Cannot add participants to cancelled session'],
    ])('refuses to seat anyone in a %s session (400)', async (status, code, detail) => {
      const session = await gm.createdSession();
      await gm.changeStatus(session.id, status).expect(200);

      expectProblem(await gm.addParticipant(session.id, newUserId()), 400, code, detail);
    });

    it.each([
      ['a userId that is not a UUID', { userId: 'bob', type: 'Player' }, 'userId must be a UUID'],
      ['an unknown type', { userId: '8d4f3c62-3f4c-4a53-9d7e-1f1f8f6f0a11', type: 'King' }, 'type must be one of'],
      ['a missing type', { userId: '8d4f3c62-3f4c-4a53-9d7e-1f1f8f6f0a11' }, 'type must be one of'],
    ])('refuses %s with 400 naming the field', async (_case, body, detail) => {
      const session = await gm.createdSession();

      const res = await gm.call('post', `/api/game-sessions/${session.id}/participants`).send(body);

      expectProblem(res, 400, 'VALIDATION_FAILED', expect.stringContaining(detail));
    });

    it('answers 404 for an unknown session', async () => {
      expectProblem(await gm.addParticipant(newUserId(), newUserId()), 404, 'SESSION_NOT_FOUND');
    });
  });

  describe('PATCH /api/game-sessions/{id}', () => {
    it('walks Draft → Scheduled → InProgress ⇄ Paused → Finished', async () => {
      const session = await gm.createdSession();
      for (const status of ['Scheduled', 'InProgress', 'Paused', 'InProgress', 'Finished']) {
        const res = await gm.changeStatus(session.id, status).expect(200);
        expect(res.body.status).toBe(status);
      }
      const log = (await gm.listEvents(session.id).expect(200)).body.items;
      expect(log.slice(1).map((e: { from: string; to: string }) => `${e.from}→${e.to}`)).toEqual([
        'Draft→Scheduled',
        'Scheduled→InProgress',
        'InProgress→Paused',
        'Paused→InProgress',
        'InProgress→Finished',
      ]);
    });

    it.each([
      ['Draft', 'InProgress'],
      ['Draft', 'Draft'],
      ['Finished', 'InProgress'],
      ['Cancelled', 'Draft'],
      ['Finished', 'Cancelled'],
    ])('refuses the move %s → %s with 400 INVALID_STATUS_TRANSITION', async (from, to) => {
      const session = await gm.createdSession();
      if (from !== 'Draft') await gm.changeStatus(session.id, from).expect(200);

      const res = await gm.changeStatus(session.id, to);

      expectProblem(res, 400, 'INVALID_STATUS_TRANSITION', `Cannot move a session from ${from} to ${to}`);
      expect((await gm.getSession(session.id)).body.status).toBe(from);
    });

    it('refuses anyone but the Game Master with 403', async () => {
      const session = await gm.createdSession();
      const player = newUserId();
      await gm.addParticipant(session.id, player).expect(201);

      const res = await as(player).changeStatus(session.id, 'Cancelled');

      expectProblem(res, 403, 'NOT_GAME_MASTER', 'Only the Game Master can change the session status');
    });

    it('refuses an unknown status with 400 naming the field', async () => {
      const session = await gm.createdSession();

      expectProblem(await gm.changeStatus(session.id, 'Over'), 400, 'VALIDATION_FAILED', expect.stringContaining('status must be one of'));
    });
  });

  describe('GET /api/game-sessions/{id}/events', () => {
    it('pages through the log in ascending seq', async () => {
      const session = await gm.createdSession();
      for (let i = 0; i < 4; i++) await gm.addParticipant(session.id, newUserId(), 'Guest').expect(201);

      const all = (await gm.listEvents(session.id).expect(200)).body.items;
      const page = (await gm.listEvents(session.id, '?afterSeq=2&limit=2').expect(200)).body.items;
      const past = (await gm.listEvents(session.id, '?afterSeq=99').expect(200)).body.items;

      expect(all.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(all[0]).toEqual({
        event: 'ParticipantJoined',
        sessionId: session.id,
        seq: 1,
        occurredAt: session.createdAt,
        userId: gm.userId,
        type: 'Master',
        displayName: null,
      });
      expect(page).toEqual(all.slice(2, 4));
      expect(past).toEqual([]);
    });

    it.each(['?limit=0', '?limit=1001', '?limit=abc', '?limit=1.5', '?afterSeq=-1', '?afterSeq=x'])(
      'refuses %s with 400',
      async (query) => {
        const session = await gm.createdSession();

        expectProblem(await gm.listEvents(session.id, query), 400, 'VALIDATION_FAILED');
      },
    );

    it('is hidden from non-participants (404)', async () => {
      const session = await gm.createdSession();

      expectProblem(await as(newUserId()).listEvents(session.id), 404, 'SESSION_NOT_FOUND', 'Game session not found');
    });
  });
});
