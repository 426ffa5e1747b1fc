import fc from 'fast-check';
import { aDate, aGameSessionWith, aUserId } from '../../../test/support/game-session.mother';
import { replay } from '../../../test/support/replay';
import { GameSession } from './game-session';
import {
  AlreadyGameMaster,
  AlreadyParticipant,
  BanNotFound,
  CannotAddMaster,
  CannotChangeMaster,
  GameSessionError,
  InvalidRemovalTerms,
  NotGameMaster,
  NothingToRestore,
  ParticipantNotFound,
  RestoreWindowPassed,
  RosterFrozen,
  UserBanned,
} from './game-session.errors';
import { GameSessionStatus } from './game-session-status';
import { PlayerType } from './player-type';
import { NOTE_MAX_LENGTH, RemovalTerms, removalTerms } from './removal-terms';

const { Master, Player, Assistant, Guest } = PlayerType;
const { Finished, Cancelled } = GameSessionStatus;
const WINDOW = 600;
const REMOVED_AT = aDate(60);
const after = (seconds: number) => new Date(REMOVED_AT.getTime() + seconds * 1000);
const FOREVER: RemovalTerms = { note: null, ban: { until: null } };

/** A table with the GM, a Player and a Guest, the Player removed by the GM at REMOVED_AT on `terms`. */
function withRemoval(terms: RemovalTerms = { note: 'Spoilers', ban: null }) {
  const { session, ids } = aGameSessionWith([Player, Guest]);
  const [player, guest] = ids;
  session.renameParticipant(player, 'Ireena', session.ownerId, aDate(30));
  session.removeParticipant(player, session.ownerId, REMOVED_AT, terms);
  session.pullDomainEvents();
  return { session, gm: session.ownerId, player, guest };
}

describe('The removal lifecycle (rules of the table)', () => {
  describe('removal terms', () => {
    it('a note is trimmed; a ban keeps its instant; none of either is null', () => {
      expect(removalTerms({ note: '  Spoilers  ', ban: { until: after(60) } }, false, REMOVED_AT)).toEqual({ note: 'Spoilers', ban: { until: after(60) } });
      expect(removalTerms({}, false, REMOVED_AT)).toEqual({ note: null, ban: null });
    });

    it.each([
      ['an empty note', { note: '   ' }, false, 'note must be 1 to 512 characters after trimming'],
      ['a note over 512 characters', { note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }, false, 'note must be 1 to 512 characters after trimming'],
      ['a ban on a leave', { ban: { until: null } }, true, 'ban: a participant leaving cannot be banned; only the Game Master bans, by removing'],
      ['a ban until now', { ban: { until: REMOVED_AT } }, false, 'ban.until must be in the future'],
    ])('refuses %s: VALIDATION_FAILED', (_case, given, leaving, message) => {
      const refuse = () => removalTerms(given, leaving, REMOVED_AT);
      expect(refuse).toThrow(InvalidRemovalTerms);
      expect(refuse).toThrow(message);
    });

    it('a leave may carry a note; the note and ban travel in ParticipantLeft', () => {
      const { session, ids } = aGameSessionWith([Player]);
      session.removeParticipant(ids[0], ids[0], REMOVED_AT, { note: 'Bedtime', ban: null });
      expect(session.uncommittedEvents.at(-1)).toMatchObject({ event: 'ParticipantLeft', reason: 'left', note: 'Bedtime', ban: null });
    });
  });

  describe('bans', () => {
    it('a banned user cannot be seated by the Game Master (USER_BANNED, as a conflict) nor admitted on their own (USER_BANNED, forbidden)', () => {
      const { session, gm, player } = withRemoval(FOREVER);

      expect(() => session.addParticipant(player, Player, gm, after(10))).toThrow(expect.objectContaining({ code: 'USER_BANNED', askedBy: 'gameMaster' }));
      expect(() => session.admit(player, Guest, null, after(10), 'user')).toThrow(expect.objectContaining({ code: 'USER_BANNED', askedBy: 'user' }));
      expect(() => session.ensureCanTakeSeat(player, after(10), 'user')).toThrow(UserBanned);
      expect(session.uncommittedEvents).toEqual([]);
    });

    it('a timed ban lapses by itself at its instant', () => {
      const { session, gm, player } = withRemoval({ note: null, ban: { until: after(100) } });

      expect(() => session.addParticipant(player, Player, gm, after(99))).toThrow(UserBanned);
      session.addParticipant(player, Player, gm, after(100));
      expect(session.isParticipant(player)).toBe(true);
    });

    it('bansInForce lists the bans in force only, to the Game Master only', () => {
      const { session, gm, player, guest } = withRemoval({ note: 'Spoilers', ban: { until: after(100) } });
      session.removeParticipant(guest, gm, after(1), { note: null, ban: { until: after(5) } });

      expect(session.bansInForce(gm, after(10)).map((f) => f.participant.userId)).toEqual([player]);
      expect(session.bansInForce(gm, after(100))).toEqual([]);
      expect(() => session.bansInForce(aUserId(), after(10))).toThrow(NotGameMaster);
    });

    it('liftBan records BanLifted and lets them be seated again; no ban in force: BAN_NOT_FOUND', () => {
      const { session, gm, player, guest } = withRemoval(FOREVER);

      session.liftBan(player, gm, after(1));

      expect(session.uncommittedEvents).toEqual([expect.objectContaining({ event: 'BanLifted', userId: player, liftedBy: gm })]);
      expect(() => session.liftBan(player, gm, after(2))).toThrow(BanNotFound);
      expect(() => session.liftBan(guest, gm, after(2))).toThrow(BanNotFound);
      session.addParticipant(player, Player, gm, after(3));
    });

    it.each([Finished, Cancelled])('bans of a %s session stay listed and liftable; only the Game Master lifts', (status) => {
      const { session, gm, player } = withRemoval(FOREVER);
      session.changeStatus(status === Finished ? GameSessionStatus.Scheduled : status, gm, after(1));
      if (status === Finished) {
        session.changeStatus(GameSessionStatus.InProgress, gm, after(1));
        session.changeStatus(Finished, gm, after(1));
      }

      expect(session.bansInForce(gm, after(2))).toHaveLength(1);
      expect(() => session.liftBan(player, aUserId(), after(2))).toThrow(NotGameMaster);
      session.liftBan(player, gm, after(2));
      expect(session.bansInForce(gm, after(3))).toEqual([]);
    });
  });

  describe('restore (undo)', () => {
    it('puts them back as they sat: type, name, place in the roster; ParticipantRestored names the removal it undoes; the ban goes too', () => {
      const { session, gm, player, guest } = withRemoval({ note: 'Oops', ban: { until: null } });
      const removal = session.formerSeatOf(player)!.ended.seq;

      session.restoreParticipant(player, gm, after(WINDOW), WINDOW);

      expect(session.state.players.map((p) => [p.userId, p.type, p.displayName])).toEqual([
        [gm, Master, null],
        [player, Player, 'Ireena'],
        [guest, Guest, null],
      ]);
      expect(session.uncommittedEvents).toEqual([
        expect.objectContaining({ event: 'ParticipantRestored', userId: player, type: Player, displayName: 'Ireena', restoredBy: gm, undoes: removal }),
      ]);
      expect(session.bansInForce(gm, after(WINDOW))).toEqual([]);
    });

    it('after the window: RESTORE_WINDOW_PASSED', () => {
      const { session, gm, player } = withRemoval();
      expect(() => session.restoreParticipant(player, gm, after(WINDOW + 1), WINDOW)).toThrow(RestoreWindowPassed);
    });

    it('nothing to restore: never removed, left on their own, or restored already and left since (NOTHING_TO_RESTORE)', () => {
      const { session, gm, player, guest } = withRemoval();
      session.removeParticipant(guest, guest, after(1));

      expect(() => session.restoreParticipant(aUserId(), gm, after(2), WINDOW)).toThrow(NothingToRestore);
      expect(() => session.restoreParticipant(guest, gm, after(2), WINDOW)).toThrow(NothingToRestore);
      session.restoreParticipant(player, gm, after(2), WINDOW);
      session.removeParticipant(player, player, after(3));
      expect(() => session.restoreParticipant(player, gm, after(4), WINDOW)).toThrow(NothingToRestore);
    });

    it('seated again already: ALREADY_PARTICIPANT; only the Game Master restores; a frozen roster restores nobody', () => {
      const { session, gm, player } = withRemoval();
      expect(() => session.restoreParticipant(player, aUserId(), after(1), WINDOW)).toThrow(NotGameMaster);
      session.addParticipant(player, Guest, gm, after(1));
      expect(() => session.restoreParticipant(player, gm, after(2), WINDOW)).toThrow(AlreadyParticipant);

      const frozen = withRemoval();
      frozen.session.changeStatus(Cancelled, frozen.gm, after(1));
      expect(() => frozen.session.restoreParticipant(frozen.player, frozen.gm, after(2), WINDOW)).toThrow(RosterFrozen);
    });
  });

  describe('role change', () => {
    it('the Game Master changes a type: ParticipantTypeChanged { from, to, changedBy }; the type they have changes nothing', () => {
      const { session, ids } = aGameSessionWith([Player]);
      const gm = session.ownerId;

      session.changeParticipantType(ids[0], Assistant, gm, aDate(10));
      session.changeParticipantType(ids[0], Assistant, gm, aDate(11));

      expect(session.uncommittedEvents.slice(-1)).toEqual([
        expect.objectContaining({ event: 'ParticipantTypeChanged', userId: ids[0], from: Player, to: Assistant, changedBy: gm }),
      ]);
      expect(session.seatOf(ids[0])?.type).toBe(Assistant);
      expect(session.version).toBe(3);
    });

    it.each([
      ["the Master's type", (s: GameSession) => s.changeParticipantType(s.ownerId, Player, s.ownerId, aDate(10)), CannotChangeMaster],
      ['Master as the new type', (s: GameSession, id: string) => s.changeParticipantType(id, Master, s.ownerId, aDate(10)), CannotAddMaster],
      ['anyone but the Game Master', (s: GameSession, id: string) => s.changeParticipantType(id, Guest, id, aDate(10)), NotGameMaster],
      ['someone not seated', (s: GameSession) => s.changeParticipantType(aUserId(), Guest, s.ownerId, aDate(10)), ParticipantNotFound],
    ])('refuses %s', (_case, change, error) => {
      const { session, ids } = aGameSessionWith([Player]);
      expect(() => change(session, ids[0])).toThrow(error);
    });
  });

  describe('handing over the Game Master', () => {
    it.each([
      ['stay', Player, true],
      ['leave', undefined, false],
    ] as const)('then %s: one GameMasterChanged; the target is the Master and owner; exactly one Master', (then, previousType, seated) => {
      const { session, ids } = aGameSessionWith([Assistant]);
      const gm = session.ownerId;

      session.handOverGameMaster(ids[0], then, gm, aDate(10));

      expect(session.uncommittedEvents.slice(-1)).toEqual([
        expect.objectContaining({ event: 'GameMasterChanged', from: gm, to: ids[0], previousGameMaster: then === 'stay' ? 'Player' : 'left' }),
      ]);
      expect(session.ownerId).toBe(ids[0]);
      expect(session.state.players.filter((p) => p.type === Master).map((p) => p.userId)).toEqual([ids[0]]);
      expect(session.seatOf(gm)?.type).toBe(previousType);
      expect(session.isParticipant(gm)).toBe(seated);
      if (!seated) expect(session.formerSeatOf(gm)?.ended).toMatchObject({ reason: 'left', removedBy: null });
    });

    it('refuses a target not seated (PARTICIPANT_NOT_FOUND), the Game Master themselves (ALREADY_GAME_MASTER), anyone but the GM, a frozen roster', () => {
      const { session, ids } = aGameSessionWith([Player]);
      const gm = session.ownerId;
      expect(() => session.handOverGameMaster(aUserId(), 'stay', gm, aDate(10))).toThrow(ParticipantNotFound);
      expect(() => session.handOverGameMaster(gm, 'stay', gm, aDate(10))).toThrow(AlreadyGameMaster);
      expect(() => session.handOverGameMaster(ids[0], 'stay', ids[0], aDate(10))).toThrow(NotGameMaster);
      session.changeStatus(Cancelled, gm, aDate(11));
      expect(() => session.handOverGameMaster(ids[0], 'stay', gm, aDate(12))).toThrow(RosterFrozen);
    });
  });

  describe('bulk removal', () => {
    it('a result per person in the order asked; one ParticipantLeft per removal, one batch id, in seq order, on the same terms', () => {
      const { session, ids } = aGameSessionWith([Player, Guest, Assistant]);
      const gm = session.ownerId;
      const stranger = aUserId();
      const terms = { note: 'Table closed', ban: { until: null } };

      const results = session.removeParticipants([ids[1], gm, stranger, ids[0]], gm, aDate(10), terms, 'batch-1', false);

      expect(results).toEqual([
        { userId: ids[1], outcome: 'removed' },
        { userId: gm, outcome: 'CANNOT_REMOVE_MASTER' },
        { userId: stranger, outcome: 'PARTICIPANT_NOT_FOUND' },
        { userId: ids[0], outcome: 'removed' },
      ]);
      const left = session.uncommittedEvents.filter((e) => e.event === 'ParticipantLeft');
      expect(left.map((e) => [e.userId, e.seq, e.batch, e.note, e.ban])).toEqual([
        [ids[1], 5, 'batch-1', 'Table closed', { until: null }],
        [ids[0], 6, 'batch-1', 'Table closed', { until: null }],
      ]);
      expect(session.state.players.map((p) => p.userId)).toEqual([gm, ids[2]]);
    });

    it('a dry run says would-remove and changes nothing', () => {
      const { session, ids } = aGameSessionWith([Player]);
      const before = session.state;

      const results = session.removeParticipants([ids[0], aUserId()], session.ownerId, aDate(10), { note: null, ban: null }, 'b', true);

      expect(results.map((r) => r.outcome)).toEqual(['would-remove', 'PARTICIPANT_NOT_FOUND']);
      expect(session.state).toEqual(before);
      expect(session.uncommittedEvents).toEqual([]);
    });

    it('whole-request refusals: anyone but the Game Master, a frozen roster', () => {
      const { session, ids } = aGameSessionWith([Player]);
      expect(() => session.removeParticipants([ids[0]], ids[0], aDate(10), { note: null, ban: null }, 'b', false)).toThrow(NotGameMaster);
      session.changeStatus(Cancelled, session.ownerId, aDate(11));
      expect(() => session.removeParticipants([ids[0]], session.ownerId, aDate(12), { note: null, ban: null }, 'b', true)).toThrow(RosterFrozen);
      expect(session.isParticipant(ids[0])).toBe(true);
    });
  });
});

describe('The removal lifecycle under random histories', () => {
  const USERS = ['gm', 'ana', 'ben', 'cleo', 'dev'];
  const user = fc.constantFrom(...USERS);
  const type = fc.constantFrom(Player, Assistant, Guest, Master);
  const ban = fc.option(fc.record({ until: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }) }), { nil: null });
  type Step = (session: GameSession, actor: string, now: Date) => void;
  const step: fc.Arbitrary<{ by: string; act: Step; wait: number }> = fc.record({
    by: fc.oneof({ arbitrary: fc.constant('owner'), weight: 3 }, { arbitrary: user, weight: 1 }),
    wait: fc.integer({ min: 0, max: 20 }),
    act: fc.oneof(
      fc.tuple(user, type).map(([u, t]): Step => (s, by, now) => s.addParticipant(u, t, by, now)),
      fc.tuple(user, ban).map(([u, b]): Step => (s, by, now) => s.removeParticipant(u, by, now, { note: null, ban: b && { until: b.until === null ? null : new Date(now.getTime() + b.until * 1000) } })),
      user.map((u): Step => (s, by, now) => s.restoreParticipant(u, by, now, 30)),
      fc.tuple(user, type).map(([u, t]): Step => (s, by, now) => s.changeParticipantType(u, t, by, now)),
      fc.tuple(user, fc.constantFrom('stay' as const, 'leave' as const)).map(([u, then]): Step => (s, by, now) => s.handOverGameMaster(u, then, by, now)),
      user.map((u): Step => (s, by, now) => s.liftBan(u, by, now)),
      fc.uniqueArray(user, { minLength: 1, maxLength: 3 }).map((us): Step => (s, by, now) => void s.removeParticipants(us, by, now, { note: null, ban: null }, 'b', false)),
    ),
  });

  it('exactly one Master, who is the owner, at every step; the state is its log replayed; a refusal changes nothing; nobody seated has a former seat (nor its ban)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let now = aDate(0);
        const session = GameSession.create({ id: 's', title: 'Night', ownerId: 'gm', now });
        const log = session.pullDomainEvents();
        for (const { by, act, wait } of steps) {
          now = new Date(now.getTime() + wait * 1000);
          const before = session.state;
          const actor = by === 'owner' ? session.ownerId : by;
          try {
            act(session, actor, now);
          } catch (refusal) {
            if (!(refusal instanceof GameSessionError)) throw refusal;
            expect(session.state).toEqual(before);
          }
          log.push(...session.pullDomainEvents());
          const state = session.state;
          const masters = state.players.filter((p) => p.type === Master);
          expect(masters.map((p) => p.userId)).toEqual([state.ownerId]);
          const { status, players, formerSeats, ownerId, updatedAt, version } = state;
          expect({ status, players, formerSeats, ownerId, updatedAt, version }).toEqual(replay(log));
          for (const seat of players) expect(state.formerSeats.some((f) => f.participant.userId === seat.userId)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
