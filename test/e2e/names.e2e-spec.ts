import { LiveClient } from '../support/live-client';
import { RosterApi, expectProblem } from '../support/roster-api';
import { replayRoster, seatsOf } from '../support/replay';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Names: every participant has a displayName (1–64 characters, or null)', () => {
  const t = useTestApp();
  const as = (userId: string, tokenName?: string) => new RosterApi(t.http, userId, tokenName);
  const nameOf = (session: { readonly players: readonly { userId: string; displayName: string | null }[] }, userId: string) =>
    session.players.find((p) => p.userId === userId)?.displayName;

  describe('sources of a name', () => {
    it("the Master's seat takes the creator's token name, trimmed; without one, or with one that is no name, null", async () => {
      const [named, unnamed, tooLong] = [as(newUserId(), '  Strahd von Zarovich '), as(newUserId()), as(newUserId(), 'x'.repeat(65))];

      expect(nameOf(await named.createdSession(), named.userId)).toBe('Strahd von Zarovich');
      expect(nameOf(await unnamed.createdSession(), unnamed.userId)).toBeNull();
      expect(nameOf(await tooLong.createdSession(), tooLong.userId)).toBeNull();
    });

    it('the GM seats someone under the displayName given: on the seat and in ParticipantJoined; none given: null', async () => {
      const gm = as(newUserId());
      const session = await gm.createdSession();
      const [ireena, ismark] = [newUserId(), newUserId()];

      const seated = await gm.addParticipant(session.id, ireena, 'Player', '  Ireena Kolyana ').expect(201);
      await gm.addParticipant(session.id, ismark, 'Guest').expect(201);

      expect(nameOf(seated.body, ireena)).toBe('Ireena Kolyana');
      const { items } = (await gm.listEvents(session.id).expect(200)).body;
      expect(items.map((e: { displayName: unknown }) => e.displayName)).toEqual([null, 'Ireena Kolyana', null]);
    });

    it.each([
      ['whitespace only', '   ', 'displayName must be 1 to 64 characters after trimming'],
      ['65 characters', 'x'.repeat(65), 'displayName must be 1 to 64 characters after trimming'],
      ['a number', 42, 'displayName must be 1 to 64 characters after trimming'],
    ])('seating under a displayName that is %s answers 400 VALIDATION_FAILED naming it, and seats nobody', async (_case, displayName, detail) => {
      const gm = as(newUserId());
      const session = await gm.createdSession();

      const res = await gm.call('post', `/api/game-sessions/${session.id}/participants`).send({ userId: newUserId(), type: 'Player', displayName });

      expectProblem(res, 400, 'VALIDATION_FAILED', detail);
      expect((await gm.getSession(session.id).expect(200)).body.version).toBe(session.version);
    });
  });

  describe('PATCH /api/game-sessions/{id}/participants/{userId} renames', () => {
    async function table() {
      const gm = as(newUserId());
      const { session, ids } = await gm.sessionWith('Player', 'Guest');
      return { gm, session, anna: as(ids[0]), ben: as(ids[1]) };
    }

    it('a participant renames themselves: 200 with the session, ETag, and ParticipantRenamed in the log with renamedBy = them', async () => {
      const { session, anna } = await table();

      const res = await anna.renameParticipant(session.id, anna.userId, ' Ireena ').expect(200);

      expect(nameOf(res.body, anna.userId)).toBe('Ireena');
      expect(res.body.version).toBe(session.version + 1);
      expect(res.headers.etag).toBe(`"${session.version + 1}"`);
      const { items } = (await anna.listEvents(session.id, `?afterSeq=${session.version}`).expect(200)).body;
      expect(items).toEqual([
        {
          event: 'ParticipantRenamed',
          sessionId: session.id,
          seq: session.version + 1,
          occurredAt: res.body.updatedAt,
          userId: anna.userId,
          displayName: 'Ireena',
          renamedBy: anna.userId,
        },
      ]);
    });

    it('the GM renames anyone, and null clears a name; the roster always equals the replay of the log', async () => {
      const { gm, session, anna, ben } = await table();

      await gm.renameParticipant(session.id, ben.userId, 'Ismark').expect(200);
      await gm.renameParticipant(session.id, gm.userId, 'Strahd').expect(200);
      const cleared = (await gm.renameParticipant(session.id, ben.userId, null).expect(200)).body;

      expect(cleared.players.map((p: { displayName: unknown }) => p.displayName)).toEqual(['Strahd', null, null]);
      const log = (await anna.listEvents(session.id).expect(200)).body.items;
      expect(replayRoster(log)).toEqual(seatsOf(cleared));
      expect(log.at(-1)).toMatchObject({ event: 'ParticipantRenamed', userId: ben.userId, displayName: null, renamedBy: gm.userId });
    });

    it('the name they already have changes nothing: 200, the same version, no event', async () => {
      const { session, anna } = await table();
      const named = (await anna.renameParticipant(session.id, anna.userId, 'Ireena').expect(200)).body;

      const again = await anna.renameParticipant(session.id, anna.userId, '  Ireena').expect(200);

      expect(again.body.version).toBe(named.version);
      expect((await anna.listEvents(session.id).expect(200)).body.items).toHaveLength(named.version);
    });

    it('anyone else gets 403 NOT_GAME_MASTER: another participant, or someone not seated at all', async () => {
      const { session, anna, ben } = await table();
      const detail = 'Only the Game Master or the participant themselves can rename a participant';

      expectProblem(await ben.renameParticipant(session.id, anna.userId, 'x'), 403, 'NOT_GAME_MASTER', detail);
      expectProblem(await as(newUserId()).renameParticipant(session.id, anna.userId, 'x'), 403, 'NOT_GAME_MASTER', detail);
    });

    it('the GM renaming someone not seated gets 404 PARTICIPANT_NOT_FOUND; an unknown session 404 SESSION_NOT_FOUND', async () => {
      const { gm, session } = await table();

      expectProblem(await gm.renameParticipant(session.id, newUserId(), 'x'), 404, 'PARTICIPANT_NOT_FOUND', 'User is not a participant in this session');
      expectProblem(await gm.renameParticipant(newUserId(), gm.userId, 'x'), 404, 'SESSION_NOT_FOUND', 'Game session not found');
    });

    it.each([
      ['Finished', 'SESSION_FINISHED', 'Cannot rename participants in finished session'],
      ['Cancelled', 'SESSION_CANCELLED', 'Cannot rename participants in cancelled session'],
    ])('a %s roster is frozen: renames answer 400 %s, for the participant and for the GM', async (status, code, detail) => {
      const { gm, session, anna } = await table();
      await gm.changeStatus(session.id, status).expect(200);

      expectProblem(await anna.renameParticipant(session.id, anna.userId, 'x'), 400, code, detail);
      expectProblem(await gm.renameParticipant(session.id, anna.userId, 'x'), 400, code, detail);
    });

    it.each([
      ['no displayName', {}, 'displayName or type is required: a name (null clears it), a type, or both'],
      ['an empty one', { displayName: ' ' }, 'displayName must be 1 to 64 characters after trimming, or null'],
      ['an unknown field', { displayName: 'x', nickname: 'y' }, 'property nickname should not exist'],
    ])('%s answers 400 VALIDATION_FAILED naming the field', async (_case, body, detail) => {
      const { session, anna } = await table();

      const res = await anna.call('patch', `/api/game-sessions/${session.id}/participants/${anna.userId}`).send(body);

      expectProblem(res, 400, 'VALIDATION_FAILED', detail);
    });

    it('If-Match with a stale version answers 412 STALE_SESSION and renames nobody', async () => {
      const { session, anna } = await table();

      const res = await anna.renameParticipant(session.id, anna.userId, 'Ireena').set('If-Match', `"${session.version - 1}"`);

      expectProblem(res, 412, 'STALE_SESSION');
      expect(nameOf((await anna.getSession(session.id).expect(200)).body, anna.userId)).toBeNull();
    });

    it('subscribers get ParticipantRenamed live, with its seq', async () => {
      const { gm, session, anna } = await table();
      const watcher = await LiveClient.connect(t.url, gm.userId);
      try {
        await watcher.subscribe(session.id);

        await anna.renameParticipant(session.id, anna.userId, 'Ireena').expect(200);

        const { payload } = await watcher.waitForEvent('ParticipantRenamed', session.version + 1);
        expect(payload).toMatchObject({ sessionId: session.id, userId: anna.userId, displayName: 'Ireena', renamedBy: anna.userId });
      } finally {
        watcher.close();
      }
    });

    it('two renames of one participant at once: both answer 200, the log holds both in seq order, the roster the later one', async () => {
      const { gm, session, anna } = await table();

      const [first, second] = await Promise.all([
        anna.renameParticipant(session.id, anna.userId, 'Ireena'),
        gm.renameParticipant(session.id, anna.userId, 'Tatyana'),
      ]);

      expect([first.status, second.status]).toEqual([200, 200]);
      const log = (await gm.listEvents(session.id).expect(200)).body.items;
      const after = (await gm.getSession(session.id).expect(200)).body;
      expect(replayRoster(log)).toEqual(seatsOf(after));
      expect(nameOf(after, anna.userId)).toBe(log.at(-1).displayName);
    });
  });
});
