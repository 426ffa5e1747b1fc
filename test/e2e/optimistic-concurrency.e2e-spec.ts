import { RosterApi, expectProblem, userIdsOf } from '../support/roster-api';
import { expectContiguousSeq, replayRoster } from '../support/replay';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

describe('Optimistic concurrency: ETag and If-Match', () => {
  const t = useTestApp();
  let gm: RosterApi;
  beforeEach(() => {
    gm = new RosterApi(t.http, newUserId());
  });

  it('every session response carries its version as ETag', async () => {
    const created = await gm.createSession().expect(201);
    const player = newUserId();

    const added = await gm.addParticipant(created.body.id, player).expect(201);
    const read = await gm.getSession(created.body.id).expect(200);
    const moved = await gm.changeStatus(created.body.id, 'Scheduled').expect(200);
    const removed = await gm.removeParticipant(created.body.id, player).expect(200);

    expect([created, added, read, moved, removed].map((r) => r.headers.etag)).toEqual(['"1"', '"2"', '"2"', '"3"', '"4"']);
  });

  it.each([
    ['the current version', (v: number) => `"${v}"`],
    ['a list holding it', (v: number) => `"${v - 1}", "${v}"`],
    ['*', () => '*'],
  ])('a change with If-Match naming %s goes through', async (_case, header) => {
    const { session, ids } = await gm.sessionWith('Player');

    const res = await gm.removeParticipant(session.id, ids[0]).set('If-Match', header(session.version));

    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${session.version + 1}"`);
  });

  it.each([
    ['a stale version', (v: number) => `"${v - 1}"`],
    ['a weak tag', (v: number) => `W/"${v}"`],
    ['a tag that is no version', () => '"banana"'],
  ])('a change with If-Match naming %s answers 412 and changes nothing', async (_case, header) => {
    const { session, ids } = await gm.sessionWith('Player');

    const responses = [
      await gm.removeParticipant(session.id, ids[0]).set('If-Match', header(session.version)),
      await gm.addParticipant(session.id, newUserId()).set('If-Match', header(session.version)),
      await gm.changeStatus(session.id, 'Scheduled').set('If-Match', header(session.version)),
    ];

    for (const res of responses) expectProblem(res, 412, 'STALE_SESSION');
    expect((await gm.getSession(session.id).expect(200)).body).toEqual(session);
    expect((await gm.listEvents(session.id).expect(200)).body.items).toHaveLength(session.version);
  });

  it('a request that would fail anyway answers its own error, not 412', async () => {
    const { session, ids } = await gm.sessionWith('Player');

    const res = await new RosterApi(t.http, ids[0]).changeStatus(session.id, 'Finished').set('If-Match', '"999"');

    expectProblem(res, 403, 'NOT_GAME_MASTER');
  });

  it('clients racing with If-Match on one version: one wins, every other gets 412 and changed nothing', async () => {
    const { session, ids } = await gm.sessionWith(...Array<string>(12).fill('Player'));
    const ifMatch = `"${session.version}"`;

    const responses = await Promise.all([
      ...ids.map((id) => gm.removeParticipant(session.id, id).set('If-Match', ifMatch)),
      gm.changeStatus(session.id, 'Scheduled').set('If-Match', ifMatch),
      ...[0, 1, 2].map(() => gm.addParticipant(session.id, newUserId()).set('If-Match', ifMatch)),
    ]);

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s < 300)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(responses.length - 1);
    const after = (await gm.getSession(session.id).expect(200)).body;
    const log = (await gm.listEvents(session.id, '?limit=1000').expect(200)).body.items;
    expect(after.version).toBe(session.version + 1);
    expectContiguousSeq(log);
    expect(replayRoster(log).map((p) => p.userId)).toEqual(userIdsOf(after));
  });

  it('without If-Match, racing removals of different players all land (no lost update)', async () => {
    const { session, ids } = await gm.sessionWith(...Array<string>(12).fill('Guest'));

    const responses = await Promise.all(ids.map((id) => gm.removeParticipant(session.id, id)));

    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));
    const after = (await gm.getSession(session.id).expect(200)).body;
    expect(userIdsOf(after)).toEqual([gm.userId]);
    expect(after.version).toBe(session.version + ids.length);
  });
});
