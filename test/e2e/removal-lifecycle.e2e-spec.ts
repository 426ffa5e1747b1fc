import { settle, useLiveClients } from '../support/live-client';
import { replay, replayRoster, seatsOf } from '../support/replay';
import { RosterApi, expectProblem, userIdsOf } from '../support/roster-api';
import { TestApp, startTestApp, useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const eventsOf = async (api: RosterApi, sessionId: string) => (await api.listEvents(sessionId, '?limit=1000').expect(200)).body.items;

describe('The removal lifecycle: a note, bans and cooldowns, undo, role changes, handing over the Master, bulk removal', () => {
  jest.setTimeout(30_000);
  const t = useTestApp();
  const live = useLiveClients();
  const as = (userId: string, name?: string) => new RosterApi(t.http, userId, name);

  /** The GM (Strahd), a Player (Ireena), an Assistant and a Guest. */
  async function table() {
    const gm = as(newUserId(), 'Strahd');
    const session = await gm.createdSession('Night 6');
    const [player, assistant, guest] = [newUserId(), newUserId(), newUserId()];
    await gm.addParticipant(session.id, player, 'Player', 'Ireena').expect(201);
    await gm.addParticipant(session.id, assistant, 'Assistant').expect(201);
    await gm.addParticipant(session.id, guest, 'Guest').expect(201);
    return { gm, id: session.id, player, assistant, guest };
  }

  async function expectLogExplainsRoster(api: RosterApi, sessionId: string) {
    const roster = (await api.getSession(sessionId).expect(200)).body;
    expect(replayRoster(await eventsOf(api, sessionId))).toEqual(seatsOf(roster));
    expect(roster.players.filter((p: { type: string }) => p.type === 'Master')).toHaveLength(1);
    return roster;
  }

  describe('the note', () => {
    it('a removal with a note and a ban: ParticipantLeft (log and socket), RemovedFromSession and REMOVED_FROM_SESSION carry both', async () => {
      const { gm, id, player, guest } = await table();
      const [watcher, removed] = [await live(t.url, guest), await live(t.url, player)];
      for (const c of [watcher, removed]) expect((await c.subscribe(id)).ok).toBe(true);
      const until = inAnHour();

      await gm.removeParticipant(id, player, { note: '  Spoilers for the others  ', ban: { until } }).expect(200);

      const left = (await eventsOf(gm, id)).at(-1);
      expect(left).toMatchObject({ event: 'ParticipantLeft', userId: player, reason: 'removed', note: 'Spoilers for the others', ban: { until } });
      expect(left).not.toHaveProperty('batch');
      expect((await watcher.waitForEvent('ParticipantLeft', left.seq)).payload).toEqual(left);
      const told = await removed.waitFor((r) => r.name === 'RemovedFromSession');
      expect(told.payload).toMatchObject({ reason: 'removed', removedBy: gm.userId, note: 'Spoilers for the others', ban: { until } });
      expectProblem(await as(player).getSession(id), 404, 'REMOVED_FROM_SESSION', 'You were removed from this game session', {
        removal: { at: left.occurredAt, reason: 'removed', removedBy: { userId: gm.userId, displayName: 'Strahd' }, note: 'Spoilers for the others', ban: { until } },
      });
    });

    it('a participant leaving may say why; a leave with a ban, an empty or overlong note, a past or zone-less until: 400, nothing changed', async () => {
      const { gm, id, player, guest } = await table();

      await as(guest).removeParticipant(id, guest, { note: 'Bedtime' }).expect(200);
      expect((await eventsOf(gm, id)).at(-1)).toMatchObject({ reason: 'left', removedBy: null, note: 'Bedtime', ban: null });

      const refusals = [
        [as(player).removeParticipant(id, player, { ban: { until: null } }), 'ban: a participant leaving cannot be banned; only the Game Master bans, by removing'],
        [gm.removeParticipant(id, player, { note: '   ' }), 'note must be 1 to 512 characters after trimming'],
        [gm.removeParticipant(id, player, { note: 'x'.repeat(513) }), 'note must be 1 to 512 characters after trimming'],
        [gm.removeParticipant(id, player, { ban: { until: new Date(Date.now() - 1000).toISOString() } }), 'ban.until must be in the future'],
        [gm.removeParticipant(id, player, { ban: { until: '2099-01-01' } }), 'ban.until must be an ISO 8601 instant with its zone (e.g. 2026-12-24T18:00:00Z), or null'],
      ] as const;
      for (const [refused, detail] of refusals) expectProblem(await refused, 400, 'VALIDATION_FAILED', detail);
      expect(userIdsOf((await gm.getSession(id).expect(200)).body)).toContain(player);
    });

    it('an instant with an offset is answered in UTC', async () => {
      const { gm, id, player } = await table();
      await gm.removeParticipant(id, player, { ban: { until: '2099-06-01T20:00:00+02:00' } }).expect(200);
      expect((await gm.listBans(id).expect(200)).body.items[0].until).toBe('2099-06-01T18:00:00.000Z');
    });
  });

  describe('bans and cooldowns', () => {
    it('while barred: the GM seating them 409 USER_BANNED; accepting an invitation 403 USER_BANNED (no use counted); asking to join 403', async () => {
      const { gm, id, player } = await table();
      await gm.removeParticipant(id, player, { ban: { until: null } }).expect(200);
      const invite = (await gm.call('post', `/api/game-sessions/${id}/invites`).send({ type: 'Player' }).expect(201)).body;
      const asking = (await gm.call('post', `/api/game-sessions/${id}/invites`).send({ type: 'Guest', approval: true }).expect(201)).body;

      expectProblem(await gm.addParticipant(id, player), 409, 'USER_BANNED', 'This user is banned from this session until the Game Master lifts it; lift the ban first');
      expectProblem(await as(player).call('post', `/api/invites/${invite.code}/accept`), 403, 'USER_BANNED', 'You are banned from this session until the Game Master lifts it');
      expectProblem(await as(player).call('post', `/api/invites/${asking.code}/accept`), 403, 'USER_BANNED');
      const invites = (await gm.call('get', `/api/game-sessions/${id}/invites`).expect(200)).body.items;
      expect(invites.map((i: { uses: number }) => i.uses)).toEqual([0, 0]);
      expect((await gm.call('get', `/api/game-sessions/${id}/join-requests`).expect(200)).body.items).toEqual([]);
    });

    it('a timed ban lapses by itself at its instant, with no job running: listed no more, and they can be seated', async () => {
      const { gm, id, player } = await table();
      const until = new Date(Date.now() + 1500).toISOString();
      await gm.removeParticipant(id, player, { ban: { until } }).expect(200);
      expectProblem(await gm.addParticipant(id, player), 409, 'USER_BANNED', `This user is banned from this session until ${until}; lift the ban first`);

      await settle(1600);

      expect((await gm.listBans(id).expect(200)).body.items).toEqual([]);
      await gm.addParticipant(id, player).expect(201);
    });

    it('GET bans lists who, until when, why, by whom, since when; the GM only (403); lifting: 204, BanLifted in the log, then 404 BAN_NOT_FOUND', async () => {
      const { gm, id, player, guest } = await table();
      const until = inAnHour();
      const removed = (await gm.removeParticipant(id, player, { note: 'Cheating', ban: { until } }).expect(200)).body;
      await gm.removeParticipant(id, guest).expect(200);

      expect((await gm.listBans(id).expect(200)).body).toEqual({
        items: [{ userId: player, displayName: 'Ireena', until, note: 'Cheating', bannedBy: gm.userId, bannedAt: removed.updatedAt }],
      });
      expectProblem(await as(player).listBans(id), 403, 'NOT_GAME_MASTER', 'Only the Game Master can see and lift bans');
      expectProblem(await gm.listBans(newUserId()), 404, 'SESSION_NOT_FOUND');

      await gm.liftBan(id, player).expect(204);

      expect((await eventsOf(gm, id)).at(-1)).toMatchObject({ event: 'BanLifted', userId: player, liftedBy: gm.userId });
      expect((await gm.listBans(id).expect(200)).body.items).toEqual([]);
      expectProblem(await gm.liftBan(id, player), 404, 'BAN_NOT_FOUND', 'No ban of this user is in force');
      expectProblem(await gm.liftBan(id, guest), 404, 'BAN_NOT_FOUND');
      await gm.addParticipant(id, player).expect(201);
    });

    it("only a seated participant can be banned; a frozen session's bans stay listed and liftable", async () => {
      const { gm, id, player } = await table();
      expectProblem(await gm.removeParticipant(id, newUserId(), { ban: { until: null } }), 404, 'PARTICIPANT_NOT_FOUND');
      await gm.removeParticipant(id, player, { ban: { until: null } }).expect(200);
      await gm.changeStatus(id, 'Cancelled').expect(200);

      expect((await gm.listBans(id).expect(200)).body.items.map((b: { userId: string }) => b.userId)).toEqual([player]);
      await gm.liftBan(id, player).expect(204);
    });
  });

  describe('undo', () => {
    it('restore within the window: 200, back as they were (type, name, place); ParticipantRestored undoes the removal; their sockets hear RestoredToSession; the ban goes', async () => {
      const { gm, id, player, assistant, guest } = await table();
      const tab = await live(t.url, player);
      const removal = (await gm.removeParticipant(id, player, { note: 'Oops', ban: { until: null } }).expect(200)).body;

      const res = await gm.restoreParticipant(id, player).expect(200);

      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expect(res.body.players.map((p: { userId: string; type: string; displayName: string | null }) => [p.userId, p.type, p.displayName])).toEqual([
        [gm.userId, 'Master', 'Strahd'],
        [player, 'Player', 'Ireena'],
        [assistant, 'Assistant', null],
        [guest, 'Guest', null],
      ]);
      const restored = (await eventsOf(gm, id)).at(-1);
      expect(restored).toEqual({
        event: 'ParticipantRestored',
        sessionId: id,
        seq: removal.version + 1,
        occurredAt: res.body.updatedAt,
        userId: player,
        type: 'Player',
        displayName: 'Ireena',
        restoredBy: gm.userId,
        undoes: removal.version,
      });
      expect((await tab.waitFor((r) => r.name === 'RestoredToSession')).payload).toEqual({ sessionId: id });
      expect((await gm.listBans(id).expect(200)).body.items).toEqual([]);
      expect((await as(player).getSession(id).expect(200)).body.version).toBe(res.body.version);
      await expectLogExplainsRoster(gm, id);
    });

    it('refusals: never removed or left on their own 409 NOTHING_TO_RESTORE; seated again 409 ALREADY_PARTICIPANT; not the GM 403; frozen 400', async () => {
      const { gm, id, player, guest, assistant } = await table();
      await as(guest).removeParticipant(id, guest).expect(200);

      expectProblem(await gm.restoreParticipant(id, newUserId()), 409, 'NOTHING_TO_RESTORE', 'There is no removal of this user by the Game Master to undo');
      expectProblem(await gm.restoreParticipant(id, guest), 409, 'NOTHING_TO_RESTORE');
      await gm.removeParticipant(id, player).expect(200);
      expectProblem(await as(assistant).restoreParticipant(id, player), 403, 'NOT_GAME_MASTER', 'Only the Game Master can restore participants');
      await gm.restoreParticipant(id, player).expect(200);
      expectProblem(await gm.restoreParticipant(id, player), 409, 'ALREADY_PARTICIPANT');
      await gm.removeParticipant(id, player).expect(200);
      await gm.changeStatus(id, 'Cancelled').expect(200);
      expectProblem(await gm.restoreParticipant(id, player), 400, 'SESSION_CANCELLED', 'Cannot restore participants to cancelled session');
    });

    describe('with a short window (RESTORE_WINDOW_SECONDS=1)', () => {
      let short: TestApp;
      beforeAll(async () => {
        short = await startTestApp({ RESTORE_WINDOW_SECONDS: '1' }, t.database);
      });
      afterAll(() => short.close());

      it('past the window: 410 RESTORE_WINDOW_PASSED, and they stay out', async () => {
        const gm = new RosterApi(short.http, newUserId());
        const { session, ids } = await gm.sessionWith('Player');
        await gm.removeParticipant(session.id, ids[0]).expect(200);

        await settle(1200);

        expectProblem(await gm.restoreParticipant(session.id, ids[0]), 410, 'RESTORE_WINDOW_PASSED', 'A removal can be undone within 1 s; this one is older');
        expect(userIdsOf((await gm.getSession(session.id).expect(200)).body)).toEqual([gm.userId]);
      });
    });
  });

  describe('role change', () => {
    it('PATCH { type }: 200, ParticipantTypeChanged { from, to, changedBy }; the type they have: 200, no event, no new version', async () => {
      const { gm, id, guest } = await table();

      const res = await gm.changeType(id, guest, 'Assistant').expect(200);
      const again = await gm.changeType(id, guest, 'Assistant').expect(200);

      expect(res.body.players.find((p: { userId: string }) => p.userId === guest).type).toBe('Assistant');
      expect((await eventsOf(gm, id)).at(-1)).toMatchObject({ event: 'ParticipantTypeChanged', userId: guest, from: 'Guest', to: 'Assistant', changedBy: gm.userId });
      expect(again.body.version).toBe(res.body.version);
      await expectLogExplainsRoster(gm, id);
    });

    it('with displayName in one request: both change, one version per event; refusals: the Master 400 CANNOT_CHANGE_MASTER, to Master 400 CANNOT_ADD_MASTER, anyone else 403, no body 400', async () => {
      const { gm, id, player, guest } = await table();

      const both = await gm.call('patch', `/api/game-sessions/${id}/participants/${guest}`).send({ type: 'Player', displayName: 'Ismark' }).expect(200);
      expect(both.body.players.at(-1)).toMatchObject({ userId: guest, type: 'Player', displayName: 'Ismark' });
      expect((await eventsOf(gm, id)).slice(-2).map((e: { event: string }) => e.event)).toEqual(['ParticipantTypeChanged', 'ParticipantRenamed']);

      expectProblem(await gm.changeType(id, gm.userId, 'Player'), 400, 'CANNOT_CHANGE_MASTER', "The Master's type never changes: hand over the Game Master role instead");
      expectProblem(await gm.changeType(id, player, 'Master'), 400, 'CANNOT_ADD_MASTER');
      expectProblem(await as(player).changeType(id, player, 'Assistant'), 403, 'NOT_GAME_MASTER', "Only the Game Master can change a participant's type");
      expectProblem(await gm.changeType(id, player, 'Wizard'), 400, 'VALIDATION_FAILED', 'type must be one of: Master, Player, Assistant, Guest');
      expectProblem(await gm.call('patch', `/api/game-sessions/${id}/participants/${player}`).send({}), 400, 'VALIDATION_FAILED', 'displayName or type is required: a name (null clears it), a type, or both');
    });
  });

  describe('handing over the Game Master', () => {
    it('then "stay": 200, one GameMasterChanged; the target is the Master and owner, the previous GM a Player; the new GM manages the roster', async () => {
      const { gm, id, assistant, guest } = await table();

      const res = await gm.handOver(id, assistant, 'stay').expect(200);

      expect(res.body.ownerId).toBe(assistant);
      expect(res.body.players.map((p: { userId: string; type: string }) => [p.userId, p.type]).slice(0, 3)).toEqual([
        [gm.userId, 'Player'],
        [expect.any(String), 'Player'],
        [assistant, 'Master'],
      ]);
      expect((await eventsOf(gm, id)).at(-1)).toMatchObject({ event: 'GameMasterChanged', from: gm.userId, to: assistant, previousGameMaster: 'Player' });
      expectProblem(await gm.removeParticipant(id, guest), 403, 'NOT_GAME_MASTER');
      await as(assistant).removeParticipant(id, gm.userId).expect(200);
      await expectLogExplainsRoster(as(assistant), id);
    });

    it('then "leave": the previous GM is gone; their sockets hear RemovedFromSession "left"; everyone else GameMasterChanged, no ParticipantLeft', async () => {
      const { gm, id, assistant, guest } = await table();
      const [gmTab, watcher] = [await live(t.url, gm.userId), await live(t.url, guest)];
      for (const c of [gmTab, watcher]) expect((await c.subscribe(id)).ok).toBe(true);

      const res = await gm.handOver(id, assistant, 'leave').expect(200);

      expect(userIdsOf(res.body)).not.toContain(gm.userId);
      const changed = await watcher.waitForEvent('GameMasterChanged', res.body.version);
      expect(changed.payload).toMatchObject({ from: gm.userId, to: assistant, previousGameMaster: 'left' });
      expect((await gmTab.waitFor((r) => r.name === 'RemovedFromSession')).payload).toMatchObject({ reason: 'left', removedBy: null, seq: res.body.version });
      await settle();
      expect(watcher.named('ParticipantLeft')).toEqual([]);
      expect(gmTab.named('GameMasterChanged')).toEqual([]);
      expectProblem(await gm.getSession(id), 404, 'REMOVED_FROM_SESSION', 'You left this game session', {
        removal: { at: res.body.updatedAt, reason: 'left', removedBy: null, note: null, ban: null },
      });
      await expectLogExplainsRoster(as(assistant), id);
    });

    it('refusals: target not seated 404 PARTICIPANT_NOT_FOUND; the GM themselves 409 ALREADY_GAME_MASTER; anyone else 403; bad then 400; frozen 400', async () => {
      const { gm, id, player } = await table();
      expectProblem(await gm.handOver(id, newUserId(), 'stay'), 404, 'PARTICIPANT_NOT_FOUND');
      expectProblem(await gm.handOver(id, gm.userId, 'stay'), 409, 'ALREADY_GAME_MASTER', 'This user is already the Game Master');
      expectProblem(await as(player).handOver(id, player, 'stay'), 403, 'NOT_GAME_MASTER', 'Only the Game Master can hand over the Game Master role');
      expectProblem(await gm.call('post', `/api/game-sessions/${id}/game-master`).send({ userId: player, then: 'go' }), 400, 'VALIDATION_FAILED', 'then must be "stay" or "leave"');
      await gm.changeStatus(id, 'Cancelled').expect(200);
      expectProblem(await gm.handOver(id, player, 'stay'), 400, 'SESSION_CANCELLED');
    });
  });

  describe('bulk removal', () => {
    it('200 with a result per person in the order given; one ParticipantLeft per removal sharing a batch id, in seq order, with the note and ban', async () => {
      const { gm, id, player, assistant, guest } = await table();
      const stranger = newUserId();

      const res = await gm.removeParticipants(id, { userIds: [guest, gm.userId, stranger, player], note: 'Table closed', ban: { until: null } }).expect(200);

      expect(res.body.results).toEqual([
        { userId: guest, outcome: 'removed' },
        { userId: gm.userId, outcome: 'CANNOT_REMOVE_MASTER' },
        { userId: stranger, outcome: 'PARTICIPANT_NOT_FOUND' },
        { userId: player, outcome: 'removed' },
      ]);
      expect(userIdsOf(res.body.session)).toEqual([gm.userId, assistant]);
      expect(res.headers.etag).toBe(`"${res.body.session.version}"`);
      const left = (await eventsOf(gm, id)).slice(-2);
      expect(left.map((e: { userId: string }) => e.userId)).toEqual([guest, player]);
      expect(left[0].batch).toEqual(expect.any(String));
      expect(left[1]).toMatchObject({ batch: left[0].batch, note: 'Table closed', ban: { until: null }, seq: left[0].seq + 1 });
      expect((await gm.listBans(id).expect(200)).body.items).toHaveLength(2);
    });

    it('dryRun: would-remove, nothing changed, nothing published', async () => {
      const { gm, id, player, guest } = await table();
      const watcher = await live(t.url, guest);
      await watcher.subscribe(id);
      const before = (await gm.getSession(id).expect(200)).body;

      const res = await gm.removeParticipants(id, { userIds: [player, gm.userId], dryRun: true }).expect(200);
      await settle();

      expect(res.body.results).toEqual([
        { userId: player, outcome: 'would-remove' },
        { userId: gm.userId, outcome: 'CANNOT_REMOVE_MASTER' },
      ]);
      expect(res.body.session).toEqual(before);
      expect((await gm.getSession(id).expect(200)).body).toEqual(before);
      expect(watcher.received).toEqual([]);
    });

    it('whole-request refusals: not the GM 403, frozen 400, duplicate ids, none or over 100: 400 VALIDATION_FAILED', async () => {
      const { gm, id, player } = await table();
      expectProblem(await as(player).removeParticipants(id, { userIds: [player] }), 403, 'NOT_GAME_MASTER');
      expectProblem(await gm.removeParticipants(id, { userIds: [player, player.toUpperCase()] }), 400, 'VALIDATION_FAILED', 'userIds must be distinct');
      expectProblem(await gm.removeParticipants(id, { userIds: [] }), 400, 'VALIDATION_FAILED', 'userIds must be 1 to 100 UUIDs');
      expectProblem(await gm.removeParticipants(id, { userIds: Array.from({ length: 101 }, newUserId) }), 400, 'VALIDATION_FAILED', 'userIds must be 1 to 100 UUIDs');
      await gm.changeStatus(id, 'Cancelled').expect(200);
      expectProblem(await gm.removeParticipants(id, { userIds: [player] }), 400, 'SESSION_CANCELLED');
    });
  });

  describe('races: the roster always equals the replay of the log, with exactly one Master', () => {
    it('undo against a second removal of the same player, twenty times: each ends as one order of the two would', async () => {
      const { gm, id } = await table();
      for (let round = 0; round < 20; round++) {
        const target = newUserId();
        await gm.addParticipant(id, target).expect(201);
        await gm.removeParticipant(id, target).expect(200);

        const [undo, again] = await Promise.all([gm.restoreParticipant(id, target), gm.removeParticipant(id, target)]);

        // Undo first: seated, then removed again (200, 200). Removal first: 404, then the undo puts them back (200).
        expect([undo.status, again.status]).toEqual(again.status === 200 ? [200, 200] : [200, 404]);
        const seated = userIdsOf((await gm.getSession(id).expect(200)).body).includes(target);
        expect(seated).toBe(again.status === 404);
      }
      await expectLogExplainsRoster(gm, id);
    });

    it('hand-over against a removal of the target, twenty times: exactly one wins; one Master at every step of the log', async () => {
      for (let round = 0; round < 20; round++) {
        const gm = as(newUserId());
        const { session, ids } = await gm.sessionWith('Player');

        const [handOver, removal] = await Promise.all([gm.handOver(session.id, ids[0], 'stay'), gm.removeParticipant(session.id, ids[0])]);

        expect([handOver.status, removal.status].sort()).toEqual(handOver.status === 200 ? [200, 403] : [200, 404]);
        const api = as(handOver.status === 200 ? ids[0] : gm.userId);
        const log = await eventsOf(api, session.id);
        for (let n = 1; n <= log.length; n++) expect(replay(log.slice(0, n)).players.filter((p) => p.type === 'Master')).toHaveLength(1);
        await expectLogExplainsRoster(api, session.id);
      }
    });

    it('bulk against single removals of the same people: each person removed once, by one of them; the results say which', async () => {
      const { gm, id } = await table();
      const people = Array.from({ length: 10 }, newUserId);
      for (const userId of people) await gm.addParticipant(id, userId).expect(201);

      const [bulk, ...singles] = await Promise.all([
        gm.removeParticipants(id, { userIds: people }),
        ...people.filter((_, i) => i % 2 === 0).map((userId) => gm.removeParticipant(id, userId)),
      ]);

      expect(bulk.status).toBe(200);
      const log = await eventsOf(gm, id);
      for (const [i, userId] of people.entries()) {
        const departures = log.filter((e: { event: string; userId: string }) => e.event === 'ParticipantLeft' && e.userId === userId);
        expect(departures).toHaveLength(1);
        const byBulk = bulk.body.results[i].outcome === 'removed';
        expect(departures[0].batch !== undefined).toBe(byBulk);
        if (i % 2 === 0) expect(singles[i / 2].status).toBe(byBulk ? 404 : 200);
        else expect(byBulk).toBe(true);
      }
      await expectLogExplainsRoster(gm, id);
    });
  });

  describe('with two instances', () => {
    let b: TestApp;
    beforeAll(async () => {
      b = await startTestApp({}, t.database);
    });
    afterAll(() => b.close());

    it("a removal's note reaches the removed player on the other instance; an undo reaches them there as RestoredToSession", async () => {
      const { gm, id, player } = await table();
      const tabOnB = await live(b.url, player);
      await tabOnB.subscribe(id);

      await gm.removeParticipant(id, player, { note: 'Take a break' }).expect(200);
      expect((await tabOnB.waitFor((r) => r.name === 'RemovedFromSession')).payload).toMatchObject({ note: 'Take a break', ban: null });
      await gm.restoreParticipant(id, player).expect(200);

      await tabOnB.waitFor((r) => r.name === 'RestoredToSession' && r.payload.sessionId === id);
      expect((await tabOnB.subscribe(id)).ok).toBe(true);
    });

    it('a hand-over with leave through A cuts the previous GM off on B', async () => {
      const { gm, id, assistant } = await table();
      const gmOnB = await live(b.url, gm.userId);
      await gmOnB.subscribe(id);

      await gm.handOver(id, assistant, 'leave').expect(200);

      await gmOnB.waitFor((r) => r.name === 'RemovedFromSession' && r.payload.reason === 'left');
      expect((await gmOnB.subscribe(id)).ok).toBe(false);
    });
  });
});
