import type { GameSessionView } from '../../src/contract/session-views';
import { RosterApi, userIdsOf } from '../support/roster-api';
import { expectContiguousSeq, replayRoster, seatsOf } from '../support/replay';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Concurrency: racing requests on one roster leave it consistent with its log', () => {
  const t = useTestApp();
  let gm: RosterApi;
  beforeEach(() => {
    gm = new RosterApi(t.http, newUserId());
  });

  const sessionWithPlayers = async (count: number) => {
    const { session, ids } = await gm.sessionWith(...Array<string>(count).fill('Player'));
    return { session, players: ids };
  };


  /** The roster the API shows is exactly the replay of the log, whose seq has no gap, ending at version. */
  async function expectRosterExplainedByLog(sessionId: string): Promise<{ session: GameSessionView; log: any[] }> {
    const session = (await gm.getSession(sessionId).expect(200)).body;
    const log = (await gm.listEvents(sessionId, '?limit=1000').expect(200)).body.items;
    expectContiguousSeq(log);
    expect(log.at(-1).seq).toBe(session.version);
    expect(replayRoster(log)).toEqual(seatsOf(session));
    return { session, log };
  }

  it('the same removal twice at once: one 200, one 404, one ParticipantLeft', async () => {
    const { session, players } = await sessionWithPlayers(1);

    const statuses = (
      await Promise.all([gm.removeParticipant(session.id, players[0]), gm.removeParticipant(session.id, players[0])])
    ).map((r) => r.status);

    expect(statuses.sort()).toEqual([200, 404]);
    const { log } = await expectRosterExplainedByLog(session.id);
    expect(log.filter((e) => e.event === 'ParticipantLeft')).toHaveLength(1);
  });

  it('a removal racing an add: both land, nothing lost', async () => {
    const { session, players } = await sessionWithPlayers(1);
    const newcomer = newUserId();

    const [removed, added] = await Promise.all([
      gm.removeParticipant(session.id, players[0]),
      gm.addParticipant(session.id, newcomer),
    ]);

    expect([removed.status, added.status]).toEqual([200, 201]);
    const { session: after } = await expectRosterExplainedByLog(session.id);
    expect(userIdsOf(after)).toEqual([gm.userId, newcomer]);
  });

  it('a removal racing Finished: either the removal lands before the freeze, or it is refused', async () => {
    const { session, players } = await sessionWithPlayers(1);

    const [removed, finished] = await Promise.all([
      gm.removeParticipant(session.id, players[0]),
      gm.changeStatus(session.id, 'Finished'),
    ]);

    expect(finished.status).toBe(200);
    const { session: after, log } = await expectRosterExplainedByLog(session.id);
    if (removed.status === 200) {
      expect(log.map((e) => e.event).slice(-2)).toEqual(['ParticipantLeft', 'SessionStatusChanged']);
      expect(userIdsOf(after)).toEqual([gm.userId]);
    } else {
      expect(removed.body.code).toBe('SESSION_FINISHED');
      expect(userIdsOf(after)).toEqual([gm.userId, players[0]]);
    }
  });

  it('a storm of removals, leaves, adds and status moves keeps roster and log in step', async () => {
    const { session, players } = await sessionWithPlayers(30);
    const newcomers = Array.from({ length: 20 }, newUserId);

    const responses = await Promise.all([
      ...players.slice(0, 15).map((p) => gm.removeParticipant(session.id, p)),
      ...players.slice(15, 25).map((p) => new RosterApi(t.http, p).removeParticipant(session.id, p)),
      ...players.slice(25).map((p) => gm.removeParticipant(session.id, p)),
      ...players.slice(25).map((p) => gm.removeParticipant(session.id, p)),
      ...newcomers.map((u) => gm.addParticipant(session.id, u, 'Guest')),
      gm.changeStatus(session.id, 'Scheduled'),
      gm.changeStatus(session.id, 'InProgress'),
    ]);

    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    const succeeded = responses.filter((r) => r.status < 300).length;
    const { session: after, log } = await expectRosterExplainedByLog(session.id);
    expect(log).toHaveLength(1 + players.length + succeeded);
    expect(new Set(userIdsOf(after))).toEqual(new Set([gm.userId, ...newcomers]));
  });
});
