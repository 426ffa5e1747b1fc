import { randomUUID } from 'node:crypto';
import { FIXED_NOW, aDate, aGameSession, aGameSessionWith, aUserId } from '../../../test/support/game-session.mother';
import { ALL_STATUSES, ALLOWED_MOVES, DISALLOWED_MOVES } from '../../../test/support/status-moves';
import { GameSession } from './game-session';
import {
  AlreadyParticipant,
  CannotAddMaster,
  CannotRemoveMaster,
  InvalidStatusTransition,
  InvalidTitle,
  NotGameMaster,
  ParticipantNotFound,
  RosterFrozen,
} from './game-session.errors';
import { GameSessionStatus } from './game-session-status';
import { Participant } from './participant';
import { PlayerType } from './player-type';

const { Master, Player, Assistant, Guest } = PlayerType;
const { Draft, Scheduled, InProgress, Paused, Finished, Cancelled } = GameSessionStatus;
const JOINING_TYPES = [Player, Assistant, Guest] as const;

/** The moment of the act under test, distinct from FIXED_NOW (when the session was set up). */
const LATER = aDate(60);

interface Refusal {
  readonly error: new (...args: never[]) => Error;
  readonly code: string;
  readonly message: string;
}

const notGameMaster = (message: string): Refusal => ({ error: NotGameMaster, code: 'NOT_GAME_MASTER', message });
const frozen = (code: 'SESSION_FINISHED' | 'SESSION_CANCELLED', message: string): Refusal => ({
  error: RosterFrozen,
  code,
  message,
});
const NOT_GM_ADD = notGameMaster('Only the Game Master can add participants');
const NOT_GM_REMOVE = notGameMaster('Only the Game Master can remove participants');
const NOT_GM_STATUS = notGameMaster('Only the Game Master can change the session status');
const ADD_FINISHED = frozen('SESSION_FINISHED', 'Cannot add participants to finished session');
const ADD_CANCELLED = frozen('SESSION_CANCELLED', 'Cannot add participants to cancelled session');
const REMOVE_FINISHED = frozen('SESSION_FINISHED', 'Cannot remove participants from finished session');
const REMOVE_CANCELLED = frozen('SESSION_CANCELLED', 'Cannot remove participants from cancelled session');
const NOT_A_PARTICIPANT: Refusal = {
  error: ParticipantNotFound,
  code: 'PARTICIPANT_NOT_FOUND',
  message: 'User is not a participant in this session',
};
const ALREADY_PARTICIPANT: Refusal = {
  error: AlreadyParticipant,
  code: 'ALREADY_PARTICIPANT',
  message: 'User is already a participant in this session',
};
const REMOVING_MASTER: Refusal = {
  error: CannotRemoveMaster,
  code: 'CANNOT_REMOVE_MASTER',
  message: 'Cannot remove the Game Master from the session',
};
const ADDING_MASTER: Refusal = {
  error: CannotAddMaster,
  code: 'CANNOT_ADD_MASTER',
  message: 'A session has exactly one Master: its Game Master',
};
const INVALID_TITLE: Refusal = {
  error: InvalidTitle,
  code: 'VALIDATION_FAILED',
  message: 'title must be 1 to 128 characters after trimming',
};
const badMove = (from: GameSessionStatus, to: GameSessionStatus): Refusal => ({
  error: InvalidStatusTransition,
  code: 'INVALID_STATUS_TRANSITION',
  message: `Cannot move a session from ${from} to ${to}`,
});

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the act to be refused, but it succeeded');
}

function expectRefusal(error: unknown, refusal: Refusal): void {
  expect(error).toBeInstanceOf(refusal.error);
  expect(error).toMatchObject({ code: refusal.code, message: refusal.message });
}

/** A refused change names the broken rule, and leaves the session and its pending events exactly as they were. */
function expectRefused(session: GameSession, act: () => void, refusal: Refusal): void {
  const before = session.state;
  const pendingBefore = [...session.uncommittedEvents];
  expectRefusal(thrownBy(act), refusal);
  expect(session.state).toEqual(before);
  expect(session.uncommittedEvents).toEqual(pendingBefore);
}

describe('GameSession', () => {
  describe('create', () => {
    it('the creator becomes the owner, seated as the Master, in a Draft session at version 1', () => {
      const id = randomUUID();
      const ownerId = aUserId();

      const session = GameSession.create({ id, title: 'Curse of Strahd', ownerId, now: FIXED_NOW });

      expect(session.state).toEqual({
        id,
        title: 'Curse of Strahd',
        ownerId,
        status: Draft,
        players: [Participant.of(ownerId, Master, FIXED_NOW, null, 1)],
        formerSeats: [],
        createdAt: FIXED_NOW,
        updatedAt: FIXED_NOW,
        version: 1,
      });
      expect(session.isGameMaster(ownerId)).toBe(true);
    });

    it('records ParticipantJoined for the Master as seq 1', () => {
      const id = randomUUID();
      const ownerId = aUserId();

      const session = GameSession.create({ id, title: 'Curse of Strahd', ownerId, now: FIXED_NOW });

      expect(session.uncommittedEvents).toEqual([
        { event: 'ParticipantJoined', sessionId: id, seq: 1, occurredAt: FIXED_NOW, userId: ownerId, type: Master, displayName: null },
      ]);
    });

    it('the title is trimmed', () => {
      const session = GameSession.create({ id: randomUUID(), title: '  \t Night 3 \n', ownerId: aUserId(), now: FIXED_NOW });

      expect(session.title).toBe('Night 3');
    });

    it.each([
      ['1 character', 'x'],
      ['128 characters after trimming', `  ${'x'.repeat(128)}  `],
      ['128 emoji (256 UTF-16 units)', '🎲'.repeat(128)],
    ])('a title of %s is accepted', (_what, title) => {
      const session = GameSession.create({ id: randomUUID(), title, ownerId: aUserId(), now: FIXED_NOW });

      expect(session.title).toBe(title.trim());
    });

    it.each([
      ['empty', ''],
      ['whitespace only', ' \t\n '],
      ['129 characters long', 'x'.repeat(129)],
      ['129 emoji long', '🎲'.repeat(129)],
    ])('create_WhenTitleIsInvalid_IsNotPossible: %s', (_what, title) => {
      expectRefusal(
        thrownBy(() => GameSession.create({ id: randomUUID(), title, ownerId: aUserId(), now: FIXED_NOW })),
        INVALID_TITLE,
      );
    });
  });

  describe('addParticipant', () => {
    it.each(JOINING_TYPES)('the Game Master adds a %s: seated, one ParticipantJoined, one version more', (type) => {
      const session = aGameSession();
      const before = session.state;
      const userId = aUserId();

      session.addParticipant(userId, type, session.ownerId, LATER);

      expect(session.state).toEqual({
        ...before,
        players: [...before.players, Participant.of(userId, type, LATER, null, before.version + 1)],
        updatedAt: LATER,
        version: before.version + 1,
      });
      expect(session.uncommittedEvents).toEqual([
        { event: 'ParticipantJoined', sessionId: session.id, seq: before.version + 1, occurredAt: LATER, userId, type, displayName: null },
      ]);
    });

    it.each([Scheduled, InProgress, Paused])('is possible while the session is %s', (status) => {
      const session = aGameSession({ status });
      const userId = aUserId();

      session.addParticipant(userId, Player, session.ownerId, LATER);

      expect(session.state.players.at(-1)).toEqual(Participant.of(userId, Player, LATER, null, session.version));
      expect(session.state.status).toBe(status);
    });

    it('each change gets the next seq and the next version', () => {
      const session = aGameSession();
      const [first, second] = [aUserId(), aUserId()];

      session.addParticipant(first, Player, session.ownerId, LATER);
      session.addParticipant(second, Guest, session.ownerId, LATER);

      expect(session.uncommittedEvents.map((e) => e.seq)).toEqual([2, 3]);
      expect(session.state.version).toBe(3);
    });

    it.each([
      ['a Player', Player],
      ['an Assistant', Assistant],
      ['a Guest', Guest],
    ])('addParticipant_WhenRequesterIsNotGameMaster_IsNotPossible (requester: %s)', (_who, requesterType) => {
      const { session, ids } = aGameSessionWith([requesterType]);

      expectRefused(session, () => session.addParticipant(aUserId(), Player, ids[0], LATER), NOT_GM_ADD);
    });

    it('addParticipant_WhenRequesterIsNotInTheSession_IsNotPossible', () => {
      const session = aGameSession();

      expectRefused(session, () => session.addParticipant(aUserId(), Player, aUserId(), LATER), NOT_GM_ADD);
    });

    it('addParticipant_WhenSessionIsFinished_IsNotPossible', () => {
      const session = aGameSession({ status: Finished });

      expectRefused(session, () => session.addParticipant(aUserId(), Player, session.ownerId, LATER), ADD_FINISHED);
    });

    it('addParticipant_WhenSessionIsCancelled_IsNotPossible', () => {
      const session = aGameSession({ status: Cancelled });

      expectRefused(session, () => session.addParticipant(aUserId(), Player, session.ownerId, LATER), ADD_CANCELLED);
    });

    it.each(JOINING_TYPES)('addParticipant_WhenUserIsAlreadyParticipant_IsNotPossible (as %s again)', (type) => {
      const { session, ids } = aGameSessionWith([Player]);

      expectRefused(session, () => session.addParticipant(ids[0], type, session.ownerId, LATER), ALREADY_PARTICIPANT);
    });

    it('addParticipant_WhenUserIsTheGameMaster_IsNotPossible: they already sit as the Master', () => {
      const session = aGameSession();

      expectRefused(
        session,
        () => session.addParticipant(session.ownerId, Player, session.ownerId, LATER),
        ALREADY_PARTICIPANT,
      );
    });

    it('addParticipant_WhenTypeIsMaster_IsNotPossible', () => {
      const session = aGameSession();

      expectRefused(session, () => session.addParticipant(aUserId(), Master, session.ownerId, LATER), ADDING_MASTER);
    });

    it('a removed user can be added again, as a new participation', () => {
      const { session, ids } = aGameSessionWith([Player]);
      const [userId] = ids;
      session.removeParticipant(userId, session.ownerId, aDate(10));
      const before = session.state;

      session.addParticipant(userId, Guest, session.ownerId, LATER);

      expect(session.state).toEqual({
        ...before,
        players: [...before.players, Participant.of(userId, Guest, LATER, null, before.version + 1)],
        formerSeats: [],
        updatedAt: LATER,
        version: before.version + 1,
      });
      expect(session.uncommittedEvents.map((e) => [e.event, e.seq])).toEqual([
        ['ParticipantLeft', 3],
        ['ParticipantJoined', 4],
      ]);
    });

    describe('order of checks: permission, status, target, rule', () => {
      it('a non-GM adding to a finished session is told they are not the Game Master', () => {
        const { session, ids } = aGameSessionWith([Player], { status: Finished });

        expectRefused(session, () => session.addParticipant(aUserId(), Player, ids[0], LATER), NOT_GM_ADD);
      });

      it('the GM adding an existing participant to a cancelled session is told the roster is frozen', () => {
        const { session, ids } = aGameSessionWith([Player], { status: Cancelled });

        expectRefused(session, () => session.addParticipant(ids[0], Player, session.ownerId, LATER), ADD_CANCELLED);
      });

      it('the GM adding an existing participant as Master is told they are already a participant', () => {
        const { session, ids } = aGameSessionWith([Player]);

        expectRefused(
          session,
          () => session.addParticipant(ids[0], Master, session.ownerId, LATER),
          ALREADY_PARTICIPANT,
        );
      });
    });
  });

  describe('removeParticipant', () => {
    it.each(JOINING_TYPES)('the Game Master removes a %s: gone from players, ParticipantLeft "removed" by the GM', (type) => {
      const { session, ids } = aGameSessionWith([Player, type]);
      const target = ids[1];
      const before = session.state;

      session.removeParticipant(target, session.ownerId, LATER);

      const ended = { seq: before.version + 1, at: LATER, reason: 'removed', removedBy: session.ownerId, note: null, ban: null };
      expect(session.state).toEqual({
        ...before,
        players: before.players.filter((p) => p.userId !== target),
        formerSeats: [{ participant: before.players.find((p) => p.userId === target), ended }],
        updatedAt: LATER,
        version: before.version + 1,
      });
      expect(session.isParticipant(target)).toBe(false);
      expect(session.uncommittedEvents).toEqual([
        {
          event: 'ParticipantLeft',
          sessionId: session.id,
          seq: before.version + 1,
          occurredAt: LATER,
          userId: target,
          type,
          reason: 'removed',
          removedBy: session.ownerId,
          note: null,
          ban: null,
        },
      ]);
    });

    it.each(JOINING_TYPES)('a %s leaves on their own: ParticipantLeft "left", removedBy null', (type) => {
      const { session, ids } = aGameSessionWith([type, Player]);
      const leaver = ids[0];
      const before = session.state;

      session.removeParticipant(leaver, leaver, LATER);

      const ended = { seq: before.version + 1, at: LATER, reason: 'left', removedBy: null, note: null, ban: null };
      expect(session.state).toEqual({
        ...before,
        players: before.players.filter((p) => p.userId !== leaver),
        formerSeats: [{ participant: before.players.find((p) => p.userId === leaver), ended }],
        updatedAt: LATER,
        version: before.version + 1,
      });
      expect(session.uncommittedEvents).toEqual([
        {
          event: 'ParticipantLeft',
          sessionId: session.id,
          seq: before.version + 1,
          occurredAt: LATER,
          userId: leaver,
          type,
          reason: 'left',
          removedBy: null,
          note: null,
          ban: null,
        },
      ]);
    });

    it.each([Scheduled, InProgress, Paused])('is possible while the session is %s', (status) => {
      const { session, ids } = aGameSessionWith([Player], { status });

      session.removeParticipant(ids[0], session.ownerId, LATER);

      expect(session.state.players).toEqual([Participant.of(session.ownerId, Master, FIXED_NOW, null, 1)]);
      expect(session.state.status).toBe(status);
    });

    it.each([
      ['a Player', Player],
      ['an Assistant', Assistant],
      ['a Guest', Guest],
    ])(
      'removeParticipant_WhenRequesterIsNotGameMaster_IsNotPossible (requester: %s, removing another Player)',
      (_who, requesterType) => {
        const { session, ids } = aGameSessionWith([requesterType, Player]);

        expectRefused(session, () => session.removeParticipant(ids[1], ids[0], LATER), NOT_GM_REMOVE);
      },
    );

    it('removeParticipant_WhenRequesterIsNotInTheSession_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player]);

      expectRefused(session, () => session.removeParticipant(ids[0], aUserId(), LATER), NOT_GM_REMOVE);
    });

    it('removeParticipant_WhenNonGameMasterTargetsTheMaster_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player]);

      expectRefused(session, () => session.removeParticipant(session.ownerId, ids[0], LATER), NOT_GM_REMOVE);
    });

    it('removeParticipant_WhenSessionIsFinished_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player], { status: Finished });

      expectRefused(session, () => session.removeParticipant(ids[0], session.ownerId, LATER), REMOVE_FINISHED);
    });

    it('removeParticipant_WhenSessionIsCancelled_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player], { status: Cancelled });

      expectRefused(session, () => session.removeParticipant(ids[0], session.ownerId, LATER), REMOVE_CANCELLED);
    });

    it.each([
      [Finished, REMOVE_FINISHED],
      [Cancelled, REMOVE_CANCELLED],
    ])('leaving a %s session is not possible either: its roster is frozen', (status, refusal) => {
      const { session, ids } = aGameSessionWith([Player], { status });

      expectRefused(session, () => session.removeParticipant(ids[0], ids[0], LATER), refusal);
    });

    it('removeParticipant_WhenTargetIsNotParticipant_IsNotPossible', () => {
      const session = aGameSession();

      expectRefused(session, () => session.removeParticipant(aUserId(), session.ownerId, LATER), NOT_A_PARTICIPANT);
    });

    it('removeParticipant_WhenTargetWasAlreadyRemoved_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player]);
      session.removeParticipant(ids[0], session.ownerId, aDate(10));
      session.pullDomainEvents();

      expectRefused(session, () => session.removeParticipant(ids[0], session.ownerId, LATER), NOT_A_PARTICIPANT);
    });

    it('removeParticipant_WhenTargetIsTheMaster_IsNotPossible', () => {
      const session = aGameSession();
      const master = session.ownerId;

      // The GM removing the Master is the GM removing themselves: the same rule refuses it.
      expectRefused(session, () => session.removeParticipant(master, master, LATER), REMOVING_MASTER);
    });

    it('removeParticipant_WhenGameMasterLeavesASessionWithPlayers_IsNotPossible', () => {
      const { session } = aGameSessionWith([Player, Assistant]);

      expectRefused(session, () => session.removeParticipant(session.ownerId, session.ownerId, LATER), REMOVING_MASTER);
    });

    it('removeParticipant_WhenNonParticipantRemovesThemselves_IsNotPossible', () => {
      const session = aGameSession();
      const stranger = aUserId();

      expectRefused(session, () => session.removeParticipant(stranger, stranger, LATER), NOT_A_PARTICIPANT);
    });

    it('removeParticipant_WhenRemovedUserLeavesAgain_IsNotPossible', () => {
      const { session, ids } = aGameSessionWith([Player]);
      session.removeParticipant(ids[0], ids[0], aDate(10));
      session.pullDomainEvents();

      expectRefused(session, () => session.removeParticipant(ids[0], ids[0], LATER), NOT_A_PARTICIPANT);
    });

    describe('order of checks: permission, status, target, rule', () => {
      it('a non-GM removing someone from a finished session is told they are not the Game Master', () => {
        const { session, ids } = aGameSessionWith([Player, Player], { status: Finished });

        expectRefused(session, () => session.removeParticipant(ids[1], ids[0], LATER), NOT_GM_REMOVE);
      });

      it('the GM removing the Master from a finished session is told the roster is frozen', () => {
        const session = aGameSession({ status: Finished });

        expectRefused(
          session,
          () => session.removeParticipant(session.ownerId, session.ownerId, LATER),
          REMOVE_FINISHED,
        );
      });

      it('the GM removing a non-participant from a cancelled session is told the roster is frozen', () => {
        const session = aGameSession({ status: Cancelled });

        expectRefused(session, () => session.removeParticipant(aUserId(), session.ownerId, LATER), REMOVE_CANCELLED);
      });

      it('a non-participant leaving a finished session is told the roster is frozen', () => {
        const session = aGameSession({ status: Finished });
        const stranger = aUserId();

        expectRefused(session, () => session.removeParticipant(stranger, stranger, LATER), REMOVE_FINISHED);
      });

      it('the GM removing a non-participant from an open session is told the user is not a participant', () => {
        const { session } = aGameSessionWith([Player], { status: InProgress });

        expectRefused(session, () => session.removeParticipant(aUserId(), session.ownerId, LATER), NOT_A_PARTICIPANT);
      });
    });
  });

  describe('changeStatus', () => {
    it.each(ALLOWED_MOVES)('the Game Master moves the session from %s to %s', (from, to) => {
      const { session } = aGameSessionWith([Player], { status: from });
      const before = session.state;

      session.changeStatus(to, session.ownerId, LATER);

      expect(session.state).toEqual({
        ...before,
        status: to,
        updatedAt: LATER,
        version: before.version + 1,
      });
      expect(session.uncommittedEvents).toEqual([
        { event: 'SessionStatusChanged', sessionId: session.id, seq: before.version + 1, occurredAt: LATER, from, to },
      ]);
    });

    it.each(DISALLOWED_MOVES)('changeStatus_WhenMoveIsNotAllowed_IsNotPossible: %s to %s', (from, to) => {
      const session = aGameSession({ status: from });

      expectRefused(session, () => session.changeStatus(to, session.ownerId, LATER), badMove(from, to));
    });

    it.each([Finished, Cancelled])('%s is final: no move out of it, to any status', (final) => {
      const session = aGameSession({ status: final });

      for (const to of ALL_STATUSES) {
        expectRefused(session, () => session.changeStatus(to, session.ownerId, LATER), badMove(final, to));
      }
    });

    it.each([
      ['a Player', Player],
      ['an Assistant', Assistant],
      ['a Guest', Guest],
    ])('changeStatus_WhenRequesterIsNotGameMaster_IsNotPossible (requester: %s)', (_who, requesterType) => {
      const { session, ids } = aGameSessionWith([requesterType]);

      expectRefused(session, () => session.changeStatus(Scheduled, ids[0], LATER), NOT_GM_STATUS);
    });

    it('changeStatus_WhenRequesterIsNotInTheSession_IsNotPossible', () => {
      const session = aGameSession();

      expectRefused(session, () => session.changeStatus(Scheduled, aUserId(), LATER), NOT_GM_STATUS);
    });

    it('a non-GM making a bad move is told they are not the Game Master: permission is checked first', () => {
      const { session, ids } = aGameSessionWith([Player], { status: Finished });

      expectRefused(session, () => session.changeStatus(Draft, ids[0], LATER), NOT_GM_STATUS);
    });
  });

  describe('domain events', () => {
    it('a failed change records no event and changes nothing, even with events still pending', () => {
      const session = GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId: aUserId(), now: FIXED_NOW });
      const joined = [...session.uncommittedEvents];

      expectRefused(session, () => session.removeParticipant(session.ownerId, session.ownerId, LATER), REMOVING_MASTER);
      expect(session.uncommittedEvents).toEqual(joined);
    });

    it('pullDomainEvents hands out the pending events once, then the list is empty', () => {
      const session = aGameSession();
      const userId = aUserId();
      session.addParticipant(userId, Player, session.ownerId, LATER);
      session.changeStatus(Scheduled, session.ownerId, LATER);

      const pulled = session.pullDomainEvents();

      expect(pulled.map((e) => [e.event, e.seq])).toEqual([
        ['ParticipantJoined', 2],
        ['SessionStatusChanged', 3],
      ]);
      expect(session.uncommittedEvents).toEqual([]);
      expect(session.pullDomainEvents()).toEqual([]);
    });

    it('restore brings a session back exactly as saved and records no events', () => {
      const { session: original } = aGameSessionWith([Player, Guest], { status: Paused });

      const restored = GameSession.restore(original.state);

      expect(restored.state).toEqual(original.state);
      expect(restored.uncommittedEvents).toEqual([]);
    });

    it('a restored session continues its log where it stopped: the next seq and version are one more than its version', () => {
      const saved = { ...aGameSession().state, version: 7 };
      const restored = GameSession.restore(saved);

      restored.changeStatus(Scheduled, saved.ownerId, LATER);

      expect(restored.uncommittedEvents.map((e) => e.seq)).toEqual([8]);
      expect(restored.version).toBe(8);
    });

    it('state is a snapshot: changing the returned roster does not change the session', () => {
      const session = aGameSession();
      const snapshot = session.state;

      (snapshot.players as Participant[]).push(Participant.of(aUserId(), Player, LATER, null, 2));

      expect(session.state.players).toEqual([Participant.of(session.ownerId, Master, FIXED_NOW, null, 1)]);
    });

    it('restore keeps its own roster: changing the saved state afterwards does not change the session', () => {
      const saved = aGameSession().state;
      const restored = GameSession.restore(saved);

      (saved.players as Participant[]).length = 0;

      expect(restored.state.players).toEqual([Participant.of(restored.ownerId, Master, FIXED_NOW, null, 1)]);
    });
  });

  describe('time', () => {
    it('a clock that steps back never dates a change before the last one', () => {
      const session = aGameSession({ now: aDate(10) });
      const userId = aUserId();

      session.addParticipant(userId, Player, session.ownerId, aDate(5));

      const [joined] = session.pullDomainEvents();
      expect(joined.occurredAt).toEqual(aDate(10));
      expect(session.state.updatedAt).toEqual(aDate(10));
      expect(session.state.players.at(-1)?.joinedAt).toEqual(aDate(10));
    });

    it('hands out copies of its dates', () => {
      const session = aGameSession({ now: aDate(10) });

      session.state.updatedAt.setTime(0);

      expect(session.state.updatedAt).toEqual(aDate(10));
    });
  });
});

describe('GameSession names', () => {
  const named = (session: GameSession, userId: string) => session.state.players.find((p) => p.userId === userId)?.displayName;

  it("the Master's seat takes the name the creator gives, trimmed; none: null", () => {
    const ownerId = aUserId();
    expect(named(GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId, ownerName: '  Strahd ', now: FIXED_NOW }), ownerId)).toBe('Strahd');
    expect(named(GameSession.create({ id: randomUUID(), title: 'Night 1', ownerId, now: FIXED_NOW }), ownerId)).toBeNull();
  });

  it('the Game Master seats someone under a name: on the seat and in ParticipantJoined', () => {
    const session = aGameSession();
    const userId = aUserId();

    session.addParticipant(userId, Player, session.ownerId, LATER, ' Ireena ');

    expect(named(session, userId)).toBe('Ireena');
    expect(session.uncommittedEvents).toEqual([expect.objectContaining({ event: 'ParticipantJoined', userId, displayName: 'Ireena' })]);
  });

  it.each([
    ['empty after trimming', '   '],
    ['65 characters', 'x'.repeat(65)],
  ])('a name %s is refused (VALIDATION_FAILED) and nothing is recorded', (_case, name) => {
    const session = aGameSession();
    const before = session.state;

    const act = () => session.addParticipant(aUserId(), Player, session.ownerId, LATER, name);

    expect(act).toThrow('displayName must be 1 to 64 characters after trimming, or null');
    expect(session.state).toEqual(before);
    expect(session.uncommittedEvents).toEqual([]);
  });

  it('64 characters, counted as characters (emoji are one each), are a name', () => {
    const session = aGameSession();
    const userId = aUserId();

    session.addParticipant(userId, Player, session.ownerId, LATER, '🐉'.repeat(64));

    expect(named(session, userId)).toBe('🐉'.repeat(64));
  });

  describe('renameParticipant', () => {
    it('a participant renames themselves: ParticipantRenamed with renamedBy = them, the next seq (the seat was seq 2)', () => {
      const { session, ids } = aGameSessionWith([Player]);
      const [anna] = ids;

      session.renameParticipant(anna, '  Ireena ', anna, LATER);

      expect(named(session, anna)).toBe('Ireena');
      expect(session.uncommittedEvents).toEqual([
        { event: 'ParticipantRenamed', sessionId: session.id, seq: 3, occurredAt: LATER, userId: anna, displayName: 'Ireena', renamedBy: anna },
      ]);
    });

    it('the Game Master renames anyone, themselves included; null clears the name', () => {
      const { session, ids } = aGameSessionWith([Guest]);
      const [ben] = ids;

      session.renameParticipant(ben, 'Ismark', session.ownerId, LATER);
      session.renameParticipant(session.ownerId, 'Strahd', session.ownerId, LATER);
      session.renameParticipant(ben, null, session.ownerId, LATER);

      expect(session.state.players.map((p) => p.displayName)).toEqual(['Strahd', null]);
      expect(session.uncommittedEvents.map((e) => e.event === 'ParticipantRenamed' && [e.userId, e.displayName, e.renamedBy])).toEqual([
        [ben, 'Ismark', session.ownerId],
        [session.ownerId, 'Strahd', session.ownerId],
        [ben, null, session.ownerId],
      ]);
    });

    it('the name they already have changes nothing: no event, no new version', () => {
      const { session, ids } = aGameSessionWith([Player]);
      session.renameParticipant(ids[0], 'Ireena', ids[0], LATER);
      session.pullDomainEvents();
      const version = session.version;

      session.renameParticipant(ids[0], ' Ireena ', session.ownerId, LATER);
      session.renameParticipant(session.ownerId, null, session.ownerId, LATER);

      expect(session.uncommittedEvents).toEqual([]);
      expect(session.version).toBe(version);
    });

    it.each<[string, (s: GameSession, ids: string[]) => void, Refusal]>([
      ['another participant renames someone', (s, [anna, ben]) => s.renameParticipant(ben, 'x', anna, LATER), notGameMaster('Only the Game Master or the participant themselves can rename a participant')],
      ['an outsider renames someone', (s, [anna]) => s.renameParticipant(anna, 'x', aUserId(), LATER), notGameMaster('Only the Game Master or the participant themselves can rename a participant')],
      ['the GM renames someone not seated', (s) => s.renameParticipant(aUserId(), 'x', s.ownerId, LATER), { error: ParticipantNotFound, code: 'PARTICIPANT_NOT_FOUND', message: 'User is not a participant in this session' }],
    ])('refused: %s, and nothing changes', (_case, act, refusal) => {
      const { session, ids } = aGameSessionWith([Player, Guest]);
      const before = session.state;

      expect(() => act(session, ids)).toThrow(expect.objectContaining({ code: refusal.code, message: refusal.message }));
      expect(session.state).toEqual(before);
      expect(session.uncommittedEvents).toEqual([]);
    });

    it.each([
      [Finished, 'SESSION_FINISHED', 'Cannot rename participants in finished session'],
      [Cancelled, 'SESSION_CANCELLED', 'Cannot rename participants in cancelled session'],
    ] as const)('a %s roster accepts no renames (%s), not even of oneself', (status, code, message) => {
      const { session, ids } = aGameSessionWith([Player], { status });

      expect(() => session.renameParticipant(ids[0], 'x', ids[0], LATER)).toThrow(expect.objectContaining({ code, message }));
      expect(() => session.renameParticipant(ids[0], 'x', session.ownerId, LATER)).toThrow(expect.objectContaining({ code, message }));
    });
  });
});
