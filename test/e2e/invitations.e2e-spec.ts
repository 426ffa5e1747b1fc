import request from 'supertest';
import { RosterApi, expectProblem } from '../support/roster-api';
import { replayRoster, seatsOf } from '../support/replay';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Invitations: the GM hands out a link; whoever follows it takes a seat', () => {
  const t = useTestApp();
  const as = (userId: string, tokenName?: string) => new RosterApi(t.http, userId, tokenName);
  const invite = (api: RosterApi, sessionId: string, body: object = { type: 'Player' }) => api.call('post', `/api/game-sessions/${sessionId}/invites`).send(body);
  const accept = (api: RosterApi, code: string, body: object = {}) => api.call('post', `/api/invites/${code}/accept`).send(body);
  const preview = (api: RosterApi, code: string) => api.call('get', `/api/invites/${code}`);

  async function table(body?: object) {
    const gm = as(newUserId(), 'Strahd');
    const session = await gm.createdSession('Curse of Strahd, night 3');
    const created = await invite(gm, session.id, body).expect(201);
    return { gm, session, invitation: created.body, created };
  }

  describe('POST /api/game-sessions/{id}/invites', () => {
    it('201 with the invitation: an unguessable URL-safe code, its terms, uses 0, expiry 7 days by default, path /join/<code>, Location', async () => {
      const { session, invitation, created } = await table({ type: 'Assistant', maxUses: 3 });

      expect(invitation).toEqual({
        code: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
        type: 'Assistant',
        maxUses: 3,
        uses: 0,
        expiresAt: new Date(Date.parse(invitation.createdAt) + 604_800_000).toISOString(),
        approval: false,
        createdAt: expect.any(String),
        path: `/join/${invitation.code}`,
      });
      expect(created.headers.location).toBe(`/api/game-sessions/${session.id}/invites/${invitation.code}`);
    });

    it('maxUses absent is unlimited (null); expiresInSeconds sets the expiry', async () => {
      const { invitation } = await table({ type: 'Guest', expiresInSeconds: 3600 });

      expect(invitation.maxUses).toBeNull();
      expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(3_600_000);
    });

    it('two invitations never share a code', async () => {
      const { gm, session } = await table();
      const codes = new Set<string>();
      for (let i = 0; i < 20; i++) codes.add((await invite(gm, session.id).expect(201)).body.code);

      expect(codes.size).toBe(20);
    });

    it.each([
      ['type Master', { type: 'Master' }, 'type must be one of: Player, Assistant, Guest'],
      ['maxUses 0', { type: 'Player', maxUses: 0 }, 'maxUses must be an integer from 1 to 1000'],
      ['maxUses 1001', { type: 'Player', maxUses: 1001 }, 'maxUses must be an integer from 1 to 1000'],
      ['expiresInSeconds 59', { type: 'Player', expiresInSeconds: 59 }, 'expiresInSeconds must be an integer from 60 to 2592000'],
      ['approval "yes"', { type: 'Player', approval: 'yes' }, 'approval must be true or false'],
    ])('%s answers 400 VALIDATION_FAILED naming the field', async (_case, body, detail) => {
      const gm = as(newUserId());
      const session = await gm.createdSession();

      expectProblem(await invite(gm, session.id, body), 400, 'VALIDATION_FAILED', detail);
    });

    it("only the GM: a participant or anyone else gets 403; a frozen roster 400; an unknown session 404", async () => {
      const gm = as(newUserId());
      const { session, ids } = await gm.sessionWith('Player');

      expectProblem(await invite(as(ids[0]), session.id), 403, 'NOT_GAME_MASTER', 'Only the Game Master can manage invitations');
      expectProblem(await invite(as(newUserId()), session.id), 403, 'NOT_GAME_MASTER', 'Only the Game Master can manage invitations');
      expectProblem(await invite(gm, newUserId()), 404, 'SESSION_NOT_FOUND');
      await gm.changeStatus(session.id, 'Cancelled').expect(200);
      expectProblem(await invite(gm, session.id), 400, 'SESSION_CANCELLED', 'Cannot invite participants to cancelled session');
    });
  });

  describe('GET and DELETE /api/game-sessions/{id}/invites', () => {
    it('lists the live ones, newest first; a revoked one is gone at once (204), and its code opens nothing', async () => {
      const { gm, session, invitation } = await table();
      const newer = (await invite(gm, session.id, { type: 'Guest' }).expect(201)).body;

      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items).toEqual([newer, invitation]);

      await gm.call('delete', `/api/game-sessions/${session.id}/invites/${invitation.code}`).expect(204);

      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items).toEqual([newer]);
      expectProblem(await preview(as(newUserId()), invitation.code), 404, 'INVITE_NOT_FOUND', 'Invitation not found');
      expectProblem(await accept(as(newUserId()), invitation.code), 404, 'INVITE_NOT_FOUND', 'Invitation not found');
      expectProblem(await gm.call('delete', `/api/game-sessions/${session.id}/invites/${invitation.code}`), 404, 'INVITE_NOT_FOUND');
    });

    it("only the GM lists and revokes; another session's code is not found through this one", async () => {
      const { gm, session, invitation } = await table();
      const other = await gm.createdSession();

      expectProblem(await as(newUserId()).call('get', `/api/game-sessions/${session.id}/invites`), 403, 'NOT_GAME_MASTER');
      expectProblem(await as(newUserId()).call('delete', `/api/game-sessions/${session.id}/invites/${invitation.code}`), 403, 'NOT_GAME_MASTER');
      expectProblem(await gm.call('delete', `/api/game-sessions/${other.id}/invites/${invitation.code}`), 404, 'INVITE_NOT_FOUND');
    });
  });

  describe('GET /api/invites/{code}', () => {
    it('any signed-in user who holds the code sees what it opens: the session, its GM by name, the seat, the status', async () => {
      const { session, invitation, gm } = await table({ type: 'Guest' });

      expect((await preview(as(newUserId()), invitation.code).expect(200)).body).toEqual({
        sessionId: session.id,
        title: 'Curse of Strahd, night 3',
        gameMaster: { userId: gm.userId, displayName: 'Strahd' },
        type: 'Guest',
        approval: false,
        status: 'Draft',
      });
    });

    it('an unknown code answers 404 INVITE_NOT_FOUND; without a token 401', async () => {
      expectProblem(await preview(as(newUserId()), 'no-such-code'), 404, 'INVITE_NOT_FOUND', 'Invitation not found');
      expectProblem(await request(t.http).get('/api/invites/no-such-code'), 401, 'UNAUTHORIZED');
    });
  });

  describe('POST /api/invites/{code}/accept', () => {
    it("201 with the session, the caller seated with the invitation's type under the name given; ParticipantJoined in the log; one use counted", async () => {
      const { gm, session, invitation } = await table({ type: 'Assistant' });
      const ireena = as(newUserId(), 'token name');

      const res = await accept(ireena, invitation.code, { displayName: '  Ireena ' }).expect(201);

      expect(res.headers.location).toBe(`/api/game-sessions/${session.id}/participants/${ireena.userId}`);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expect(res.body.players.at(-1)).toEqual({ userId: ireena.userId, displayName: 'Ireena', type: 'Assistant', joinedAt: res.body.updatedAt });
      const log = (await ireena.listEvents(session.id).expect(200)).body.items;
      expect(log.at(-1)).toMatchObject({ event: 'ParticipantJoined', userId: ireena.userId, type: 'Assistant', displayName: 'Ireena' });
      expect(replayRoster(log)).toEqual(seatsOf(res.body));
      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items[0].uses).toBe(1);
    });

    it('the body is optional: an accept sent with no body at all seats the caller', async () => {
      const { invitation } = await table();
      const ben = as(newUserId(), 'Ben');

      const res = await ben.call('post', `/api/invites/${invitation.code}/accept`).expect(201);

      expect(res.body.players.at(-1)).toMatchObject({ userId: ben.userId, displayName: 'Ben', type: 'Player' });
    });

    it("without a displayName the token's name names the seat; without either, null", async () => {
      const { invitation } = await table();
      const named = await accept(as(newUserId(), 'Ismark'), invitation.code).expect(201);
      const unnamed = await accept(as(newUserId()), invitation.code).expect(201);

      expect(named.body.players.at(-1).displayName).toBe('Ismark');
      expect(unnamed.body.players.at(-1).displayName).toBeNull();
    });

    it('already seated: 409 ALREADY_PARTICIPANT, and no use counted', async () => {
      const { gm, session, invitation } = await table({ type: 'Player', maxUses: 1 });

      expectProblem(await accept(gm, invitation.code), 409, 'ALREADY_PARTICIPANT', 'User is already a participant in this session');

      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items[0].uses).toBe(0);
    });

    it('used up: 410 INVITE_USED_UP, for accept and preview; it leaves the live list', async () => {
      const { gm, session, invitation } = await table({ type: 'Player', maxUses: 1 });
      await accept(as(newUserId()), invitation.code).expect(201);

      expectProblem(await accept(as(newUserId()), invitation.code), 410, 'INVITE_USED_UP', 'This invitation has been used as many times as it allows');
      expectProblem(await preview(as(newUserId()), invitation.code), 410, 'INVITE_USED_UP');
      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items).toEqual([]);
    });

    it('expired: 410 INVITE_EXPIRED', async () => {
      const { invitation } = await table({ type: 'Player', expiresInSeconds: 60 });
      await t.dataSource.query(`UPDATE game_session_invites SET expires_at = now() - interval '1 second' WHERE code = $1`, [invitation.code]);

      expectProblem(await accept(as(newUserId()), invitation.code), 410, 'INVITE_EXPIRED', 'This invitation has expired');
      expectProblem(await preview(as(newUserId()), invitation.code), 410, 'INVITE_EXPIRED');
    });

    it.each([
      ['Finished', 'SESSION_FINISHED', 'Cannot add participants to finished session'],
      ['Cancelled', 'SESSION_CANCELLED', 'Cannot add participants to cancelled session'],
    ])('a %s roster: 400 %s, no use counted', async (status, code, detail) => {
      const { gm, session, invitation } = await table({ type: 'Player', maxUses: 1 });
      await gm.changeStatus(session.id, status).expect(200);

      expectProblem(await accept(as(newUserId()), invitation.code), 400, code, detail);
      const [row] = await t.dataSource.query('SELECT uses FROM game_session_invites WHERE code = $1', [invitation.code]);
      expect(row.uses).toBe(0);
    });

    it('a displayName that is no name answers 400 VALIDATION_FAILED and seats nobody', async () => {
      const { session, invitation, gm } = await table();

      expectProblem(await accept(as(newUserId()), invitation.code, { displayName: 'x'.repeat(65) }), 400, 'VALIDATION_FAILED', 'displayName must be 1 to 64 characters after trimming');
      expect((await gm.getSession(session.id).expect(200)).body.players).toHaveLength(1);
    });

    it('a retry with the same Idempotency-Key replays the 201 without a second seat or use', async () => {
      const { gm, session, invitation } = await table();
      const ben = as(newUserId());
      const first = await accept(ben, invitation.code).set('Idempotency-Key', 'join-1').expect(201);

      const retry = await accept(ben, invitation.code).set('Idempotency-Key', 'join-1').expect(201);

      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await gm.call('get', `/api/game-sessions/${session.id}/invites`).expect(200)).body.items[0].uses).toBe(1);
    });

    it('twenty users race for the last use: exactly one is seated, the others get 410 INVITE_USED_UP; the roster is the replay of the log', async () => {
      const { gm, session, invitation } = await table({ type: 'Guest', maxUses: 1 });
      const racers = Array.from({ length: 20 }, () => as(newUserId()));

      const answers = await Promise.all(racers.map((racer) => accept(racer, invitation.code)));

      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 410).map((a) => a.body.code)).toEqual(Array(19).fill('INVITE_USED_UP'));
      const after = (await gm.getSession(session.id).expect(200)).body;
      expect(after.players).toHaveLength(2);
      expect(replayRoster((await gm.listEvents(session.id).expect(200)).body.items)).toEqual(seatsOf(after));
    });
  });
});
