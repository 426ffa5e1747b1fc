import { randomUUID } from 'node:crypto';
import { GameSessionStorage } from '../../src/game-sessions/application/game-session-storage.port';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import { GameSessionNotFound, NotGameMaster } from '../../src/game-sessions/domain/game-session.errors';
import type { RosterState } from '../../src/game-sessions/domain/game-session.evolve';
import type { GameSessionEvent } from '../../src/game-sessions/domain/game-session.events';
import { GameSessionStatus } from '../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../src/game-sessions/domain/player-type';
import { replay } from './replay';

const { Master, Player, Assistant, Guest } = PlayerType;
const { Scheduled, InProgress, Paused } = GameSessionStatus;

export interface StorageUnderTest {
  readonly storage: GameSessionStorage;
  /** What is stored of a session's roster, read back as directly as the storage allows (rows, for a database). */
  readonly projection: (sessionId: string) => Promise<RosterState | null>;
  readonly close?: () => Promise<void>;
}

const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 20, 0, second, 123));

/**
 * The port's contract, as every GameSessionStorage must keep it: the in-memory double that the
 * service tests trust, and the PostgreSQL adapter, both run it.
 */
export function describeGameSessionStorage(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`${name} keeps the GameSessionStorage contract`, () => {
    let under: StorageUnderTest;
    let storage: GameSessionStorage;
    beforeAll(async () => {
      under = await make();
      storage = under.storage;
    });
    afterAll(() => under.close?.());

    async function added(options: { ownerId?: string; now?: Date } = {}): Promise<GameSession> {
      const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId: options.ownerId ?? randomUUID(), now: options.now ?? at(0) });
      await storage.add(session);
      return session;
    }

    /** The state and the log as stored, to prove that something wrote nothing. */
    async function stored(id: string) {
      return { state: (await storage.findById(id))?.state, log: await storage.listEvents(id, 0, 1000) };
    }

    it('add stores the session as created: findById gives it back exactly, with nothing pending, and the log holds its first event', async () => {
      const session = await added();

      const loaded = await storage.findById(session.id);

      expect(loaded?.state).toEqual(session.state);
      expect(loaded?.uncommittedEvents).toEqual([]);
      expect(await storage.listEvents(session.id, 0, 100)).toEqual(session.uncommittedEvents);
    });

    it('adding an id that is stored already is refused and leaves the stored session as it was', async () => {
      const session = await added();
      const before = await stored(session.id);
      const twin = GameSession.create({ id: session.id, title: 'Night 2', ownerId: randomUUID(), now: at(9) });

      await expect(storage.add(twin)).rejects.toThrow();

      expect(await stored(session.id)).toEqual(before);
    });

    it('an unknown id: findById answers null, update throws GameSessionNotFound, the log is empty', async () => {
      const id = randomUUID();

      expect(await storage.findById(id)).toBeNull();
      await expect(storage.update(id, () => undefined)).rejects.toBeInstanceOf(GameSessionNotFound);
      expect(await storage.listEvents(id, 0, 100)).toEqual([]);
    });

    it('update lets the aggregate decide, then stores its new state and its events together; it returns what it stored', async () => {
      const session = await added();
      const player = randomUUID();

      const updated = await storage.update(session.id, (s) => s.addParticipant(player, Player, s.ownerId, at(5)));

      const loaded = (await storage.findById(session.id))!;
      expect(loaded.state).toEqual(updated.state);
      expect(loaded.state.players.map((p) => [p.userId, p.type, p.joinedAt])).toEqual([
        [session.ownerId, Master, at(0)],
        [player, Player, at(5)],
      ]);
      expect(loaded.state).toMatchObject({ version: 2, updatedAt: at(5) });
      expect(updated.uncommittedEvents).toEqual([
        { event: 'ParticipantJoined', sessionId: session.id, seq: 2, occurredAt: at(5), userId: player, type: Player, displayName: null },
      ]);
      expect(await storage.listEvents(session.id, 1, 100)).toEqual(updated.uncommittedEvents);
    });

    it('a change the aggregate refuses writes nothing: the state and the log stay as they were', async () => {
      const session = await added();
      const before = await stored(session.id);

      await expect(storage.update(session.id, (s) => s.changeStatus(Scheduled, randomUUID(), at(9)))).rejects.toBeInstanceOf(
        NotGameMaster,
      );

      expect(await stored(session.id)).toEqual(before);
    });

    it('a change that throws after the aggregate recorded an event writes nothing of it', async () => {
      const session = await added();
      const before = await stored(session.id);
      const failure = new Error('the request went away');

      const change = (s: GameSession) => {
        s.addParticipant(randomUUID(), Guest, s.ownerId, at(3));
        throw failure;
      };

      await expect(storage.update(session.id, change)).rejects.toBe(failure);
      expect(await stored(session.id)).toEqual(before);
    });

    it('listEvents gives back exactly the events recorded, in ascending seq, after afterSeq and at most limit of them', async () => {
      const session = await added();
      const recorded: GameSessionEvent[] = [...session.uncommittedEvents];
      const guest = randomUUID();
      for (const change of [
        (s: GameSession) => s.addParticipant(guest, Guest, s.ownerId, at(1)),
        (s: GameSession) => s.addParticipant(randomUUID(), Player, s.ownerId, at(2)),
        (s: GameSession) => s.removeParticipant(guest, s.ownerId, at(3)),
        (s: GameSession) => s.changeStatus(Scheduled, s.ownerId, at(4)),
      ]) {
        recorded.push(...(await storage.update(session.id, change)).uncommittedEvents);
      }

      expect(await storage.listEvents(session.id, 0, 100)).toEqual(recorded);
      expect((await storage.listEvents(session.id, 2, 2)).map((e) => e.seq)).toEqual([3, 4]);
      expect(await storage.listEvents(session.id, 5, 100)).toEqual([]);
    });

    it('findByParticipant gives the sessions the user sits in now, newest first, each with its roster in the order of joining', async () => {
      const user = randomUUID();
      const older = await added({ now: at(10) });
      const owned = await added({ ownerId: user, now: at(30) });
      const left = await added({ now: at(20) });
      await added({ now: at(40) });
      for (const s of [older, left]) await storage.update(s.id, (x) => x.addParticipant(user, Player, x.ownerId, at(50)));
      await storage.update(left.id, (x) => x.removeParticipant(user, user, at(51)));

      const found = await storage.findByParticipant(user);

      expect(found.map((s) => s.id)).toEqual([owned.id, older.id]);
      expect(found.map((s) => s.state)).toEqual([(await storage.findById(owned.id))!.state, (await storage.findById(older.id))!.state]);
      expect(found[1].state.players.map((p) => p.userId)).toEqual([older.ownerId, user]);
      expect(await storage.findByParticipant(randomUUID())).toEqual([]);
    });

    it('what is stored of the roster is evolve applied to the log: joins, leaves, a re-join and status moves', async () => {
      const session = await added();
      const [anna, ben, cleo] = [randomUUID(), randomUUID(), randomUUID()];
      const changes = [
        (s: GameSession) => s.addParticipant(anna, Player, s.ownerId, at(1)),
        (s: GameSession) => s.addParticipant(ben, Assistant, s.ownerId, at(2)),
        (s: GameSession) => s.changeStatus(Scheduled, s.ownerId, at(3)),
        (s: GameSession) => s.removeParticipant(anna, s.ownerId, at(4)),
        (s: GameSession) => s.addParticipant(cleo, Guest, s.ownerId, at(5)),
        (s: GameSession) => s.changeStatus(InProgress, s.ownerId, at(6)),
        (s: GameSession) => s.addParticipant(anna, Guest, s.ownerId, at(7)),
        (s: GameSession) => s.removeParticipant(ben, ben, at(8)),
        (s: GameSession) => s.changeStatus(Paused, s.ownerId, at(9)),
      ];
      for (const change of changes) await storage.update(session.id, change);

      const log = await storage.listEvents(session.id, 0, 100);
      const projection = await under.projection(session.id);

      expect(projection).toEqual(replay(log));
      expect(projection?.players.map((p) => p.userId)).toEqual([session.ownerId, cleo, anna]);
      expect(projection).toMatchObject({ status: Paused, version: 10, updatedAt: at(9) });
    });

    it('the removal lifecycle is stored as evolve says: notes, bans lifted, an undo in its old place, type changes, the Master handed over twice', async () => {
      const session = await added();
      const gm = session.ownerId;
      const [anna, ben, cleo] = [randomUUID(), randomUUID(), randomUUID()];
      const changes = [
        (s: GameSession) => s.addParticipant(anna, Player, gm, at(1), 'Anna'),
        (s: GameSession) => s.addParticipant(ben, Assistant, gm, at(2)),
        (s: GameSession) => s.addParticipant(cleo, Guest, gm, at(3)),
        (s: GameSession) => s.removeParticipant(anna, gm, at(4), { note: 'Sorry', ban: { until: null } }),
        (s: GameSession) => s.removeParticipant(cleo, gm, at(5), { note: null, ban: { until: at(50) } }),
        (s: GameSession) => s.liftBan(cleo, gm, at(6)),
        (s: GameSession) => s.restoreParticipant(anna, gm, at(7), 600),
        (s: GameSession) => s.changeParticipantType(ben, Guest, gm, at(8)),
        (s: GameSession) => s.handOverGameMaster(ben, 'stay', gm, at(9)),
        (s: GameSession) => s.handOverGameMaster(anna, 'leave', ben, at(10)),
      ];
      for (const change of changes) await storage.update(session.id, change);

      const log = await storage.listEvents(session.id, 0, 100);
      const projection = await under.projection(session.id);

      expect(projection).toEqual(replay(log));
      expect(projection?.players.map((p) => [p.userId, p.type])).toEqual([
        [gm, Player],
        [anna, Master],
      ]);
      expect(projection?.ownerId).toBe(anna);
      expect(projection?.formerSeats.map((f) => [f.participant.userId, f.ended.reason, f.ended.ban])).toEqual([
        [cleo, 'removed', null],
        [ben, 'left', null],
      ]);
    });

    it('titleOf gives the stored title, and null for an unknown id', async () => {
      const session = await added();

      expect(await storage.titleOf(session.id)).toBe('Night 1');
      expect(await storage.titleOf(randomUUID())).toBeNull();
    });

    it("a session read back holds each user's latest departure with the seat it ended, and none for someone seated or never seated", async () => {
      const session = await added();
      const anna = randomUUID();
      await storage.update(session.id, (s) => s.addParticipant(anna, Player, s.ownerId, at(1), 'Anna'));
      await storage.update(session.id, (s) => s.removeParticipant(anna, anna, at(2)));
      await storage.update(session.id, (s) => s.addParticipant(anna, Guest, s.ownerId, at(3)));
      const until = new Date(at(4).getTime() + 3_600_000);
      await storage.update(session.id, (s) => s.removeParticipant(anna, s.ownerId, at(4), { note: 'Spoilers', ban: { until } }));

      const read = (await storage.findById(session.id))!;
      const former = read.formerSeatOf(anna);

      expect(former?.participant).toMatchObject({ userId: anna, type: Guest, displayName: null, joinedAt: at(3), seat: 4 });
      expect(former?.ended).toEqual({ seq: 5, at: at(4), reason: 'removed', removedBy: session.ownerId, note: 'Spoilers', ban: { until } });
      expect(read.formerSeatOf(session.ownerId)).toBeUndefined();
      expect(read.formerSeatOf(randomUUID())).toBeUndefined();
    });

    it('names are stored as the log says: a seat under a name, renames, a name cleared, a re-join under another name', async () => {
      const session = await added();
      const [anna, ben] = [randomUUID(), randomUUID()];
      const changes = [
        (s: GameSession) => s.addParticipant(anna, Player, s.ownerId, at(1), 'Anna'),
        (s: GameSession) => s.addParticipant(ben, Guest, s.ownerId, at(2)),
        (s: GameSession) => s.renameParticipant(anna, 'Ireena', anna, at(3)),
        (s: GameSession) => s.renameParticipant(ben, 'Ismark', s.ownerId, at(4)),
        (s: GameSession) => s.renameParticipant(anna, null, s.ownerId, at(5)),
        (s: GameSession) => s.removeParticipant(ben, ben, at(6)),
        (s: GameSession) => s.addParticipant(ben, Player, s.ownerId, at(7), 'Ismark the Lesser'),
      ];
      for (const change of changes) await storage.update(session.id, change);

      const loaded = await storage.findById(session.id);
      const log = await storage.listEvents(session.id, 0, 100);

      expect(loaded!.state.players.map((p) => [p.userId, p.displayName])).toEqual([
        [session.ownerId, null],
        [anna, null],
        [ben, 'Ismark the Lesser'],
      ]);
      expect(await under.projection(session.id)).toEqual(replay(log));
      expect(log.filter((e) => e.event === 'ParticipantRenamed')).toHaveLength(3);
    });
  });
}
