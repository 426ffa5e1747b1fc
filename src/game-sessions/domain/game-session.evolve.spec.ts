import { aDate, aUserId } from '../../../test/support/game-session.mother';
import { EMPTY_ROSTER, EventDoesNotFit, RosterState, evolve } from './game-session.evolve';
import { Ban, GameSessionEvent } from './game-session.events';
import { GameSessionStatus } from './game-session-status';
import { Participant } from './participant';
import { PlayerType } from './player-type';

const { Master, Player, Guest } = PlayerType;
const { Draft, Scheduled } = GameSessionStatus;
const SESSION = 'session-1';
const [GM, ANNA, BEN] = [aUserId(), aUserId(), aUserId()];

const joined = (seq: number, userId: string, type: PlayerType, displayName: string | null = null): GameSessionEvent => ({
  event: 'ParticipantJoined',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  userId,
  type,
  displayName,
});
const renamed = (seq: number, userId: string, displayName: string | null, renamedBy = GM): GameSessionEvent => ({
  event: 'ParticipantRenamed',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  userId,
  displayName,
  renamedBy,
});
const left = (seq: number, userId: string, type: PlayerType): GameSessionEvent => ({
  event: 'ParticipantLeft',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  userId,
  type,
  reason: 'left',
  removedBy: null,
  note: null,
  ban: null,
});
const removed = (seq: number, userId: string, type: PlayerType, ban: Ban | null = null, note: string | null = null): GameSessionEvent => ({
  event: 'ParticipantLeft',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  userId,
  type,
  reason: 'removed',
  removedBy: GM,
  note,
  ban,
});
const restored = (seq: number, userId: string, type: PlayerType, undoes: number, displayName: string | null = null): GameSessionEvent => ({
  event: 'ParticipantRestored',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  userId,
  type,
  displayName,
  restoredBy: GM,
  undoes,
});
/** A seat given by the ParticipantJoined at `seq`. */
const seat = (userId: string, type: PlayerType, seq: number, displayName: string | null = null) => Participant.of(userId, type, aDate(seq), displayName, seq);
const statusChanged = (seq: number, from: GameSessionStatus, to: GameSessionStatus): GameSessionEvent => ({
  event: 'SessionStatusChanged',
  sessionId: SESSION,
  seq,
  occurredAt: aDate(seq),
  from,
  to,
});

/** The GM, Anna and Ben seated, in that order, at seqs 1 to 3. */
const TABLE: RosterState = [joined(1, GM, Master), joined(2, ANNA, Player), joined(3, BEN, Guest)].reduce(evolve, EMPTY_ROSTER);

describe('evolve: how each event changes a session', () => {
  it('before its first event a session seats nobody, is a Draft and is at version 0', () => {
    expect(EMPTY_ROSTER).toEqual({ status: Draft, players: [], formerSeats: [], ownerId: '', updatedAt: new Date(0), version: 0 });
  });

  it('ParticipantJoined seats the user last, in the part the event names, since the moment of the event', () => {
    const next = evolve(TABLE, joined(4, aUserId(), Player));

    expect(next.players).toEqual([...TABLE.players, seat(next.players[3].userId, Player, 4)]);
    expect(next.status).toBe(TABLE.status);
  });

  it('ParticipantJoined of a user who had left seats them anew: last, and dated by the new join', () => {
    const next = [left(4, ANNA, Player), joined(5, ANNA, Guest)].reduce(evolve, TABLE);

    expect(next.players).toEqual([
      seat(GM, Master, 1),
      seat(BEN, Guest, 3),
      seat(ANNA, Guest, 5),
    ]);
  });

  it('ParticipantJoined seats the user under the name the event carries, or none', () => {
    const named = evolve(TABLE, joined(4, aUserId(), Player, 'Strahd'));

    expect(named.players[3].displayName).toBe('Strahd');
    expect(TABLE.players.map((p) => p.displayName)).toEqual([null, null, null]);
  });

  it('ParticipantRenamed gives that one participant the new name (null clears it), in place and nothing else', () => {
    const next = [renamed(4, ANNA, 'Ireena'), renamed(5, BEN, 'Ismark'), renamed(6, BEN, null)].reduce(evolve, TABLE);

    expect(next.players).toEqual([
      seat(GM, Master, 1),
      seat(ANNA, Player, 2, 'Ireena'),
      seat(BEN, Guest, 3, null),
    ]);
    expect(next.status).toBe(TABLE.status);
  });

  it('ParticipantLeft takes the user off the roster and keeps everyone else in order', () => {
    const next = evolve(TABLE, left(4, ANNA, Player));

    expect(next.players).toEqual([seat(GM, Master, 1), seat(BEN, Guest, 3)]);
    expect(next.status).toBe(TABLE.status);
  });

  it('SessionStatusChanged moves the status to the event\'s "to" and leaves the roster as it was', () => {
    const next = evolve(TABLE, statusChanged(4, Draft, Scheduled));

    expect(next.status).toBe(Scheduled);
    expect(next.players).toEqual(TABLE.players);
  });

  it.each([
    ['ParticipantJoined', joined(4, aUserId(), Guest)],
    ['ParticipantLeft', left(4, BEN, Guest)],
    ['ParticipantRenamed', renamed(4, BEN, 'Ismark')],
    ['SessionStatusChanged', statusChanged(4, Draft, Scheduled)],
  ])('%s moves the version to its seq and updatedAt to its moment', (_name, event) => {
    const next = evolve(TABLE, event);

    expect({ version: next.version, updatedAt: next.updatedAt }).toEqual({ version: 4, updatedAt: aDate(4) });
  });

  it('what evolve does not know of a session (its id, title, creation) passes through unchanged', () => {
    const session = { ...TABLE, id: SESSION, title: 'Night 1', createdAt: aDate(0) };

    const next = evolve(session, statusChanged(4, Draft, Scheduled));

    expect(next).toMatchObject({ id: SESSION, title: 'Night 1', ownerId: GM, createdAt: aDate(0) });
  });

  it("the Master's ParticipantJoined makes its user the owner", () => {
    expect(TABLE.ownerId).toBe(GM);
  });

  it('ParticipantLeft keeps the seat as it was, with how it ended (note, ban), as the former seat: the latest one per user', () => {
    const ban = { until: aDate(99) };
    const next = [renamed(4, ANNA, 'Ireena'), removed(5, ANNA, Player, ban, 'Spoilers')].reduce(evolve, TABLE);

    expect(next.formerSeats).toEqual([
      { participant: seat(ANNA, Player, 2, 'Ireena'), ended: { seq: 5, at: aDate(5), reason: 'removed', removedBy: GM, note: 'Spoilers', ban } },
    ]);
    const again = [joined(6, ANNA, Guest), left(7, ANNA, Guest)].reduce(evolve, next);
    expect(again.formerSeats).toEqual([
      { participant: seat(ANNA, Guest, 6), ended: { seq: 7, at: aDate(7), reason: 'left', removedBy: null, note: null, ban: null } },
    ]);
  });

  it('ParticipantJoined takes away the former seat of the user it seats', () => {
    const next = [removed(4, ANNA, Player), joined(5, ANNA, Guest)].reduce(evolve, TABLE);

    expect(next.formerSeats).toEqual([]);
  });

  it('ParticipantRestored puts the former seat back in its old place (by seat), with the type and name the event names, and the ban goes', () => {
    const next = [removed(4, ANNA, Player, { until: null }), joined(5, aUserId(), Guest), restored(6, ANNA, Player, 4, 'Ireena')].reduce(evolve, TABLE);

    expect(next.players.slice(0, 3)).toEqual([seat(GM, Master, 1), seat(ANNA, Player, 2, 'Ireena'), seat(BEN, Guest, 3)]);
    expect(next.players).toHaveLength(4);
    expect(next.formerSeats).toEqual([]);
  });

  it('ParticipantRestored of a user without a former seat does not fit the state', () => {
    expect(() => evolve(TABLE, restored(4, ANNA, Player, 3))).toThrow(EventDoesNotFit);
  });

  it('ParticipantTypeChanged gives that one participant the new type, in place', () => {
    const next = evolve(TABLE, { event: 'ParticipantTypeChanged', sessionId: SESSION, seq: 4, occurredAt: aDate(4), userId: BEN, from: Guest, to: Player, changedBy: GM });

    expect(next.players).toEqual([seat(GM, Master, 1), seat(ANNA, Player, 2), seat(BEN, Player, 3)]);
  });

  it.each([
    ['Player', [seat(GM, Player, 1), seat(ANNA, Master, 2), seat(BEN, Guest, 3)], []],
    ['left', [seat(ANNA, Master, 2), seat(BEN, Guest, 3)], [GM]],
  ] as const)('GameMasterChanged: the target becomes the Master and the owner; the previous Game Master becomes %s', (previousGameMaster, players, former) => {
    const next = evolve(TABLE, { event: 'GameMasterChanged', sessionId: SESSION, seq: 4, occurredAt: aDate(4), from: GM, to: ANNA, previousGameMaster });

    expect(next.ownerId).toBe(ANNA);
    expect(next.players).toEqual(players);
    expect(next.players.filter((p) => p.type === Master)).toHaveLength(1);
    expect(next.formerSeats.map((f) => [f.participant.userId, f.ended.reason, f.ended.removedBy])).toEqual(former.map((id) => [id, 'left', null]));
  });

  it('BanLifted takes the ban off the former seat and leaves the rest of how it ended', () => {
    const next = [removed(4, ANNA, Player, { until: null }, 'Spoilers'), { event: 'BanLifted', sessionId: SESSION, seq: 5, occurredAt: aDate(5), userId: ANNA, liftedBy: GM } as GameSessionEvent].reduce(evolve, TABLE);

    expect(next.formerSeats[0].ended).toEqual({ seq: 4, at: aDate(4), reason: 'removed', removedBy: GM, note: 'Spoilers', ban: null });
  });

  it('evolve changes nothing of the state it is given', () => {
    const before = structuredClone(TABLE);

    [joined(4, aUserId(), Player), left(5, ANNA, Player), statusChanged(6, Draft, Scheduled)].reduce(evolve, TABLE);

    expect(structuredClone(TABLE)).toEqual(before);
  });
});
