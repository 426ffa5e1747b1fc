import { FIXED_NOW, aUserId, statusPathTo } from '../../../test/support/game-session.mother';
import { RosterSettings } from './roster-settings';
import { InMemoryGameSessionStorage } from '../../../test/support/in-memory-game-session.storage';
import { replay } from '../../../test/support/replay';
import {
  AlreadyParticipant,
  CannotAddMaster,
  CannotRemoveMaster,
  DepartedFromSession,
  GameSessionNotFound,
  InvalidStatusTransition,
  InvalidTitle,
  NotGameMaster,
  ParticipantNotFound,
  RosterFrozen,
  StaleSession,
} from '../domain/game-session.errors';
import type { GameSessionEvent } from '../domain/game-session.events';
import { GameSessionStatus } from '../domain/game-session-status';
import { Participant } from '../domain/participant';
import { PlayerType } from '../domain/player-type';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import { GameSessionsService } from './game-sessions.service';

const { Master, Player, Assistant, Guest } = PlayerType;
const { Draft, Scheduled, InProgress, Paused, Finished, Cancelled } = GameSessionStatus;

/** Stands still until a test moves it, so every date the service writes is known. */
class FixedClock extends Clock {
  private current = FIXED_NOW;

  now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): Date {
    this.current = new Date(this.current.getTime() + seconds * 1000);
    return this.now();
  }
}

/** Keeps every batch it is handed, in order, so a test can tell one publish of two events from two publishes. */
class RecordingPublisher extends GameSessionEventPublisher {
  readonly batches: GameSessionEvent[][] = [];
  /** Runs at publish time, to look at what storage held at that moment. */
  onPublish: (events: readonly GameSessionEvent[]) => void = () => undefined;

  publish(events: readonly GameSessionEvent[]): void {
    this.onPublish(events);
    this.batches.push([...events]);
  }

  forget(): void {
    this.batches.length = 0;
  }
}

describe('GameSessionsService', () => {
  let storage: InMemoryGameSessionStorage;
  let publisher: RecordingPublisher;
  let clock: FixedClock;
  let service: GameSessionsService;

  beforeEach(() => {
    storage = new InMemoryGameSessionStorage();
    publisher = new RecordingPublisher();
    clock = new FixedClock();
    service = new GameSessionsService(storage, publisher, clock, new RosterSettings(600));
  });

  /** A stored session set up through the service itself, so its log is the real one; publishes so far are forgotten. */
  async function aStoredSession(spec: { participants?: PlayerType[]; status?: GameSessionStatus } = {}) {
    const gm = aUserId();
    const { id: sessionId } = await service.createSession('Night at the table', gm);
    const ids: string[] = [];
    for (const type of spec.participants ?? []) {
      const userId = aUserId();
      await service.addParticipant(sessionId, userId, type, gm);
      ids.push(userId);
    }
    for (const status of statusPathTo(spec.status ?? Draft)) await service.changeStatus(sessionId, status, gm);
    publisher.forget();
    clock.advance(60);
    return { sessionId, gm, ids };
  }

  async function storedState(sessionId: string) {
    return (await storage.findById(sessionId))?.state;
  }

  /** A refused use case names its error, stores nothing, and publishes nothing. */
  async function expectRefused(
    sessionId: string,
    act: () => Promise<unknown>,
    refusal: { error: new (...args: never[]) => Error; code: string; message: string },
  ): Promise<void> {
    const stateBefore = await storedState(sessionId);
    const logBefore = storage.eventsOf(sessionId);

    const result = act();

    await expect(result).rejects.toBeInstanceOf(refusal.error);
    await expect(result).rejects.toMatchObject({ code: refusal.code, message: refusal.message });
    expect(await storedState(sessionId)).toEqual(stateBefore);
    expect(storage.eventsOf(sessionId)).toEqual(logBefore);
    expect(publisher.batches).toEqual([]);
  }

  const SESSION_NOT_FOUND = { error: GameSessionNotFound, code: 'SESSION_NOT_FOUND', message: 'Game session not found' };

  /** Reads answer "not found" to outsiders, exactly as for a session that does not exist. */
  async function expectNotFound(read: Promise<unknown>): Promise<void> {
    await expect(read).rejects.toBeInstanceOf(GameSessionNotFound);
    await expect(read).rejects.toMatchObject({ code: SESSION_NOT_FOUND.code, message: SESSION_NOT_FOUND.message });
  }

  describe('createSession', () => {
    it('stores the session with the creator as Master, and publishes its first event once', async () => {
      const gm = aUserId();

      const session = await service.createSession('  Curse of Strahd ', gm);

      const joined = {
        event: 'ParticipantJoined',
        sessionId: session.id,
        seq: 1,
        occurredAt: FIXED_NOW,
        userId: gm,
        type: Master,
        displayName: null,
      };
      expect(session.state).toEqual({
        id: session.id,
        title: 'Curse of Strahd',
        ownerId: gm,
        status: Draft,
        players: [Participant.of(gm, Master, FIXED_NOW, null, 1)],
        formerSeats: [],
        createdAt: FIXED_NOW,
        updatedAt: FIXED_NOW,
        version: 1,
      });
      expect(await storedState(session.id)).toEqual(session.state);
      expect(storage.eventsOf(session.id)).toEqual([joined]);
      expect(publisher.batches).toEqual([[joined]]);
      expect(session.uncommittedEvents).toEqual([]);
    });

    it('gives every session its own id', async () => {
      const gm = aUserId();

      const first = await service.createSession('Night 1', gm);
      const second = await service.createSession('Night 1', gm);

      expect(first.id).not.toBe(second.id);
      expect(storage.size).toBe(2);
    });

    it('createSession_WhenTitleIsBlank_IsNotPossible: nothing stored, nothing published', async () => {
      await expect(service.createSession('   ', aUserId())).rejects.toBeInstanceOf(InvalidTitle);

      expect(storage.size).toBe(0);
      expect(publisher.batches).toEqual([]);
    });
  });

  describe('getSession', () => {
    it.each([
      ['the Game Master', 'gm'],
      ['a Player', 'player'],
    ] as const)('%s gets the session as stored', async (_who, who) => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player] });

      const session = await service.getSession(sessionId, who === 'gm' ? gm : ids[0]);

      expect(session.state).toEqual(await storedState(sessionId));
      expect(session.state.players.map((p) => p.userId)).toEqual([gm, ids[0]]);
    });

    it('getSession_WhenRequesterIsNotParticipant_AnswersNotFound', async () => {
      const { sessionId } = await aStoredSession();

      await expectNotFound(service.getSession(sessionId, aUserId()));
    });

    it('getSession_WhenRequesterWasRemoved_AnswersRemovedFromSession_WithWhoAndWhen', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player] });
      const removed = await service.removeParticipant(sessionId, ids[0], gm);

      const read = service.getSession(sessionId, ids[0]);

      await expect(read).rejects.toBeInstanceOf(DepartedFromSession);
      await expect(read).rejects.toMatchObject({
        code: 'REMOVED_FROM_SESSION',
        message: 'You were removed from this game session',
        departure: { at: removed.state.updatedAt, reason: 'removed', removedBy: { userId: gm, displayName: null } },
      });
    });

    it('getSession_WhenSessionDoesNotExist_AnswersNotFound', async () => {
      await expectNotFound(service.getSession(aUserId(), aUserId()));
    });
  });

  describe('listSessionsOf', () => {
    it('lists only the sessions where the user currently sits, newest first', async () => {
      const user = aUserId();
      const older = await aStoredSession();
      await service.addParticipant(older.sessionId, user, Guest, older.gm);
      const left = await aStoredSession();
      await service.addParticipant(left.sessionId, user, Player, left.gm);
      await service.removeParticipant(left.sessionId, user, user);
      await aStoredSession({ participants: [Player] });
      const newer = await aStoredSession();
      await service.addParticipant(newer.sessionId, user, Assistant, newer.gm);

      const sessions = await service.listSessionsOf(user);

      expect(sessions.map((s) => s.id)).toEqual([newer.sessionId, older.sessionId]);
    });

    it('a Game Master finds the sessions they own', async () => {
      const { sessionId, gm } = await aStoredSession();

      expect((await service.listSessionsOf(gm)).map((s) => s.id)).toEqual([sessionId]);
    });

    it('a stranger finds none', async () => {
      await aStoredSession({ participants: [Player] });

      expect(await service.listSessionsOf(aUserId())).toEqual([]);
    });
  });

  describe('listEvents', () => {
    it('a participant reads the whole log in seq order', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player, Guest], status: Scheduled });

      const events = await service.listEvents(sessionId, ids[1], { afterSeq: 0, limit: 100 });

      expect(events).toEqual([
        { event: 'ParticipantJoined', sessionId, seq: 1, occurredAt: FIXED_NOW, userId: gm, type: Master, displayName: null },
        { event: 'ParticipantJoined', sessionId, seq: 2, occurredAt: FIXED_NOW, userId: ids[0], type: Player, displayName: null },
        { event: 'ParticipantJoined', sessionId, seq: 3, occurredAt: FIXED_NOW, userId: ids[1], type: Guest, displayName: null },
        { event: 'SessionStatusChanged', sessionId, seq: 4, occurredAt: FIXED_NOW, from: Draft, to: Scheduled },
      ]);
    });

    it.each([
      [0, 2, [1, 2]],
      [2, 2, [3, 4]],
      [4, 100, [5]],
      [5, 100, []],
      [99, 1, []],
    ])('pages by afterSeq and limit: after %i, limit %i gives seqs %j', async (afterSeq, limit, seqs) => {
      const { sessionId, gm } = await aStoredSession({ participants: [Player, Guest, Assistant], status: Scheduled });

      const events = await service.listEvents(sessionId, gm, { afterSeq, limit });

      expect(events.map((e) => e.seq)).toEqual(seqs);
    });

    it('listEvents_WhenRequesterIsNotParticipant_AnswersNotFound', async () => {
      const { sessionId } = await aStoredSession();

      await expectNotFound(service.listEvents(sessionId, aUserId(), { afterSeq: 0, limit: 100 }));
    });

    it('listEvents_WhenRequesterLeft_AnswersRemovedFromSession_AsLeft', async () => {
      const { sessionId, ids } = await aStoredSession({ participants: [Player] });
      const left = await service.removeParticipant(sessionId, ids[0], ids[0]);

      await expect(service.listEvents(sessionId, ids[0], { afterSeq: 0, limit: 100 })).rejects.toMatchObject({
        code: 'REMOVED_FROM_SESSION',
        message: 'You left this game session',
        departure: { at: left.state.updatedAt, reason: 'left', removedBy: null },
      });
    });
  });

  describe('addParticipant', () => {
    it('the Game Master adds a Player: stored, logged as the next seq, published once', async () => {
      const { sessionId, gm } = await aStoredSession();
      const before = await storedState(sessionId);
      const userId = aUserId();
      const now = clock.now();

      const session = await service.addParticipant(sessionId, userId, Player, gm);

      const joined = { event: 'ParticipantJoined', sessionId, seq: 2, occurredAt: now, userId, type: Player, displayName: null };
      expect(session.state).toEqual({
        ...before,
        players: [...before!.players, Participant.of(userId, Player, now, null, 2)],
        updatedAt: now,
        version: 2,
      });
      expect(await storedState(sessionId)).toEqual(session.state);
      expect(storage.eventsOf(sessionId).slice(1)).toEqual([joined]);
      expect(publisher.batches).toEqual([[joined]]);
      expect(session.uncommittedEvents).toEqual([]);
    });

    it('addParticipant_WhenRequesterIsNotGameMaster_IsNotPossible', async () => {
      const { sessionId, ids } = await aStoredSession({ participants: [Assistant] });

      await expectRefused(sessionId, () => service.addParticipant(sessionId, aUserId(), Player, ids[0]), {
        error: NotGameMaster,
        code: 'NOT_GAME_MASTER',
        message: 'Only the Game Master can add participants',
      });
    });

    it.each([
      [Finished, 'SESSION_FINISHED', 'Cannot add participants to finished session'],
      [Cancelled, 'SESSION_CANCELLED', 'Cannot add participants to cancelled session'],
    ])('addParticipant_WhenSessionIsFinal_IsNotPossible (%s)', async (status, code, message) => {
      const { sessionId, gm } = await aStoredSession({ status });

      await expectRefused(sessionId, () => service.addParticipant(sessionId, aUserId(), Player, gm), {
        error: RosterFrozen,
        code,
        message,
      });
    });

    it('addParticipant_WhenUserIsAlreadyParticipant_IsNotPossible', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Guest] });

      await expectRefused(sessionId, () => service.addParticipant(sessionId, ids[0], Player, gm), {
        error: AlreadyParticipant,
        code: 'ALREADY_PARTICIPANT',
        message: 'User is already a participant in this session',
      });
    });

    it('addParticipant_WhenTypeIsMaster_IsNotPossible', async () => {
      const { sessionId, gm } = await aStoredSession();

      await expectRefused(sessionId, () => service.addParticipant(sessionId, aUserId(), Master, gm), {
        error: CannotAddMaster,
        code: 'CANNOT_ADD_MASTER',
        message: 'A session has exactly one Master: its Game Master',
      });
    });

    it('addParticipant_WhenSessionDoesNotExist_IsNotPossible', async () => {
      await expectRefused(aUserId(), () => service.addParticipant(aUserId(), aUserId(), Player, aUserId()), SESSION_NOT_FOUND);
      expect(storage.size).toBe(0);
    });
  });

  describe('changeStatus', () => {
    it('the Game Master starts a scheduled session: stored, logged, published once', async () => {
      const { sessionId, gm } = await aStoredSession({ participants: [Player], status: Scheduled });
      const before = await storedState(sessionId);
      const now = clock.now();

      const session = await service.changeStatus(sessionId, InProgress, gm);

      const changed = { event: 'SessionStatusChanged', sessionId, seq: 4, occurredAt: now, from: Scheduled, to: InProgress };
      expect(session.state).toEqual({ ...before, status: InProgress, updatedAt: now, version: 4 });
      expect(await storedState(sessionId)).toEqual(session.state);
      expect(storage.eventsOf(sessionId).slice(3)).toEqual([changed]);
      expect(publisher.batches).toEqual([[changed]]);
    });

    it('changeStatus_WhenRequesterIsNotGameMaster_IsNotPossible', async () => {
      const { sessionId, ids } = await aStoredSession({ participants: [Player] });

      await expectRefused(sessionId, () => service.changeStatus(sessionId, Scheduled, ids[0]), {
        error: NotGameMaster,
        code: 'NOT_GAME_MASTER',
        message: 'Only the Game Master can change the session status',
      });
    });

    it('changeStatus_WhenMoveIsNotAllowed_IsNotPossible', async () => {
      const { sessionId, gm } = await aStoredSession({ status: Paused });

      await expectRefused(sessionId, () => service.changeStatus(sessionId, Scheduled, gm), {
        error: InvalidStatusTransition,
        code: 'INVALID_STATUS_TRANSITION',
        message: 'Cannot move a session from Paused to Scheduled',
      });
    });

    it('changeStatus_WhenSessionDoesNotExist_IsNotPossible', async () => {
      await expectRefused(aUserId(), () => service.changeStatus(aUserId(), Scheduled, aUserId()), SESSION_NOT_FOUND);
    });
  });

  describe('removeParticipant', () => {
    it('the Game Master removes a Player: gone from the stored roster, ParticipantLeft published once', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player, Guest] });
      const now = clock.now();

      const session = await service.removeParticipant(sessionId, ids[0], gm);

      const left = {
        event: 'ParticipantLeft',
        sessionId,
        seq: 4,
        occurredAt: now,
        userId: ids[0],
        type: Player,
        reason: 'removed',
        removedBy: gm,
        note: null,
        ban: null,
      };
      expect(session.state.players.map((p) => p.userId)).toEqual([gm, ids[1]]);
      expect(await storedState(sessionId)).toEqual(session.state);
      expect(storage.eventsOf(sessionId).slice(3)).toEqual([left]);
      expect(publisher.batches).toEqual([[left]]);
    });

    it('a Guest leaves on their own: ParticipantLeft "left" with removedBy null', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Guest] });
      const now = clock.now();

      const session = await service.removeParticipant(sessionId, ids[0], ids[0]);

      const left = {
        event: 'ParticipantLeft',
        sessionId,
        seq: 3,
        occurredAt: now,
        userId: ids[0],
        type: Guest,
        reason: 'left',
        removedBy: null,
        note: null,
        ban: null,
      };
      expect(session.state.players.map((p) => p.userId)).toEqual([gm]);
      expect(storage.eventsOf(sessionId).slice(2)).toEqual([left]);
      expect(publisher.batches).toEqual([[left]]);
    });

    it('removeParticipant_WhenRequesterIsNotGameMaster_IsNotPossible', async () => {
      const { sessionId, ids } = await aStoredSession({ participants: [Player, Player] });

      await expectRefused(sessionId, () => service.removeParticipant(sessionId, ids[1], ids[0]), {
        error: NotGameMaster,
        code: 'NOT_GAME_MASTER',
        message: 'Only the Game Master can remove participants',
      });
    });

    it.each([
      [Finished, 'SESSION_FINISHED', 'Cannot remove participants from finished session'],
      [Cancelled, 'SESSION_CANCELLED', 'Cannot remove participants from cancelled session'],
    ])('removeParticipant_WhenSessionIsFinal_IsNotPossible (%s)', async (status, code, message) => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player], status });

      await expectRefused(sessionId, () => service.removeParticipant(sessionId, ids[0], gm), {
        error: RosterFrozen,
        code,
        message,
      });
    });

    it('removeParticipant_WhenTargetIsNotParticipant_IsNotPossible', async () => {
      const { sessionId, gm } = await aStoredSession({ participants: [Player] });

      await expectRefused(sessionId, () => service.removeParticipant(sessionId, aUserId(), gm), {
        error: ParticipantNotFound,
        code: 'PARTICIPANT_NOT_FOUND',
        message: 'User is not a participant in this session',
      });
    });

    it('removeParticipant_WhenTargetIsTheMaster_IsNotPossible', async () => {
      const { sessionId, gm } = await aStoredSession({ participants: [Player] });

      await expectRefused(sessionId, () => service.removeParticipant(sessionId, gm, gm), {
        error: CannotRemoveMaster,
        code: 'CANNOT_REMOVE_MASTER',
        message: 'Cannot remove the Game Master from the session',
      });
    });

    it('removeParticipant_WhenSessionDoesNotExist_IsNotPossible', async () => {
      const userId = aUserId();

      await expectRefused(aUserId(), () => service.removeParticipant(aUserId(), userId, userId), SESSION_NOT_FOUND);
    });
  });

  describe('the event log', () => {
    it('events are published only after they are stored, on create and on change', async () => {
      const storedWhenPublished: boolean[] = [];
      publisher.onPublish = (events) =>
        storedWhenPublished.push(
          events.every((e) => storage.eventsOf(e.sessionId).some((stored) => stored.seq === e.seq)),
        );
      const gm = aUserId();

      const { id: sessionId } = await service.createSession('Night 1', gm);
      await service.addParticipant(sessionId, aUserId(), Player, gm);
      await service.changeStatus(sessionId, Scheduled, gm);

      expect(storedWhenPublished).toEqual([true, true, true]);
    });

    it('every success publishes its events exactly once, with seqs that follow the log without gaps', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player] });

      await service.addParticipant(sessionId, aUserId(), Guest, gm);
      await expect(service.addParticipant(sessionId, ids[0], Guest, gm)).rejects.toBeInstanceOf(AlreadyParticipant);
      await service.changeStatus(sessionId, Scheduled, gm);
      await service.removeParticipant(sessionId, ids[0], ids[0]);

      expect(publisher.batches.map((batch) => batch.map((e) => e.seq))).toEqual([[3], [4], [5]]);
      expect(storage.eventsOf(sessionId).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    });

    it('replaying the stored log from empty gives the current roster', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player, Assistant, Guest] });
      await service.removeParticipant(sessionId, ids[0], gm);
      await service.changeStatus(sessionId, Scheduled, gm);
      await service.removeParticipant(sessionId, ids[2], ids[2]);
      clock.advance(60);
      await service.addParticipant(sessionId, ids[0], Guest, gm);
      await service.changeStatus(sessionId, InProgress, gm);
      const newcomer = aUserId();
      await service.addParticipant(sessionId, newcomer, Player, gm);

      const replayed = replay(await service.listEvents(sessionId, gm, { afterSeq: 0, limit: 1000 }));

      const { status, players, formerSeats, ownerId, updatedAt, version } = (await service.getSession(sessionId, gm)).state;
      expect(replayed).toEqual({ status, players, formerSeats, ownerId, updatedAt, version });
      expect(players.map((p) => [p.userId, p.type])).toEqual([
        [gm, Master],
        [ids[1], Assistant],
        [ids[0], Guest],
        [newcomer, Player],
      ]);
    });
  });

  describe('expected versions (If-Match)', () => {
    const STALE = (version: number) => ({
      error: StaleSession,
      code: 'STALE_SESSION',
      message: `The session has changed: it is at version ${version}; reload it and retry`,
    });

    it.each([
      ['removeParticipant', (id: string, gm: string, ids: string[], v: number[]) => service.removeParticipant(id, ids[0], gm, v)],
      ['addParticipant', (id: string, gm: string, _ids: string[], v: number[]) => service.addParticipant(id, aUserId(), Guest, gm, v)],
      ['changeStatus', (id: string, gm: string, _ids: string[], v: number[]) => service.changeStatus(id, Scheduled, gm, v)],
    ])('%s with a stale version is refused and changes nothing', async (_name, act) => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player] });

      await expectRefused(sessionId, () => act(sessionId, gm, ids, [1]), STALE(2));
    });

    it('goes through when one of the expected versions is current', async () => {
      const { sessionId, gm, ids } = await aStoredSession({ participants: [Player] });

      const session = await service.removeParticipant(sessionId, ids[0], gm, [1, 2]);

      expect(session.version).toBe(3);
    });

    it('a change that breaks a rule answers that rule, not the stale version', async () => {
      const { sessionId, gm } = await aStoredSession({ participants: [Player] });

      await expectRefused(sessionId, () => service.removeParticipant(sessionId, gm, gm, [1]), {
        error: CannotRemoveMaster,
        code: 'CANNOT_REMOVE_MASTER',
        message: 'Cannot remove the Game Master from the session',
      });
    });
  });
});
