import { aDate, aUserId } from '../../../test/support/game-session.mother';
import { EMPTY_ROSTER, RosterState, evolve } from './game-session.evolve';
import { GameSessionEvent } from './game-session.events';
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
});
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
    expect(EMPTY_ROSTER).toEqual({ status: Draft, players: [], updatedAt: new Date(0), version: 0 });
  });

  it('ParticipantJoined seats the user last, in the part the event names, since the moment of the event', () => {
    const next = evolve(TABLE, joined(4, aUserId(), Player));

    expect(next.players).toEqual([...TABLE.players, Participant.of(next.players[3].userId, Player, aDate(4))]);
    expect(next.status).toBe(TABLE.status);
  });

  it('ParticipantJoined of a user who had left seats them anew: last, and dated by the new join', () => {
    const next = [left(4, ANNA, Player), joined(5, ANNA, Guest)].reduce(evolve, TABLE);

    expect(next.players).toEqual([
      Participant.of(GM, Master, aDate(1)),
      Participant.of(BEN, Guest, aDate(3)),
      Participant.of(ANNA, Guest, aDate(5)),
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
      Participant.of(GM, Master, aDate(1)),
      Participant.of(ANNA, Player, aDate(2), 'Ireena'),
      Participant.of(BEN, Guest, aDate(3), null),
    ]);
    expect(next.status).toBe(TABLE.status);
  });

  it('ParticipantLeft takes the user off the roster and keeps everyone else in order', () => {
    const next = evolve(TABLE, left(4, ANNA, Player));

    expect(next.players).toEqual([Participant.of(GM, Master, aDate(1)), Participant.of(BEN, Guest, aDate(3))]);
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

  it('what evolve does not know of a session (its id, title, owner) passes through unchanged', () => {
    const session = { ...TABLE, id: SESSION, title: 'Night 1', ownerId: GM, createdAt: aDate(0) };

    const next = evolve(session, statusChanged(4, Draft, Scheduled));

    expect(next).toMatchObject({ id: SESSION, title: 'Night 1', ownerId: GM, createdAt: aDate(0) });
  });

  it('evolve changes nothing of the state it is given', () => {
    const before = structuredClone(TABLE);

    [joined(4, aUserId(), Player), left(5, ANNA, Player), statusChanged(6, Draft, Scheduled)].reduce(evolve, TABLE);

    expect(structuredClone(TABLE)).toEqual(before);
  });
});
