import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { API_TYPES_FILE, generateApiTypes } from '../support/openapi/api-types';
import { Finding, LINTERS } from '../support/openapi/linters';
import { OpenApiDocument, ReceivedResponse, ResponseContract } from '../support/openapi/response-contract';
import { Checked, ContractViolation, RosterClient, checkedBy, rosterClient } from '../support/openapi/roster-client';
import { useTestApp } from '../support/test-app';
import { newUserId, tokenFor } from '../support/tokens';

/**
 * The warnings the linters may still give, each for a reason: the probes and the console's settings
 * have no 4xx to answer; the service is proprietary, with no licence text to link to; 405 is a
 * reusable response that no operation can give (a generated client sends no undocumented method).
 */
const EXPLAINED_WARNINGS = [
  'redocly operation-4xx-response #/paths/~1health~1live/get/responses',
  'redocly operation-4xx-response #/paths/~1health~1ready/get/responses',
  'redocly operation-4xx-response #/paths/~1api~1console~1settings/get/responses',
  'redocly info-license-strict #/info/license/url',
  'redocly no-unused-components #/components/responses/MethodNotAllowed',
  'spectral oas3-unused-component components/responses/MethodNotAllowed',
];

const USER_BURST = 60;

describe('OpenAPI contract: the served document, linted, generated into a client, and every response checked against it', () => {
  const t = useTestApp({ RATE_LIMIT_USER_BURST: String(USER_BURST), RATE_LIMIT_USER_PER_SECOND: '1' });
  let json: string;
  let document: OpenApiDocument;
  let contract: ResponseContract;
  const checked: Checked[] = [];
  const client = (userId?: string): RosterClient => rosterClient(t.url, checkedBy(contract, checked), userId);

  beforeAll(async () => {
    json = await (await fetch(`${t.url}/api/docs-json`)).text();
    document = JSON.parse(json);
    contract = new ResponseContract(document);
  });

  describe('the document passes the linters', () => {
    const findings = async (linter: string): Promise<Finding[]> => LINTERS[linter](json);

    it.each(Object.keys(LINTERS))('%s finds no error', async (linter) => {
      expect((await findings(linter)).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('the only warnings are the explained ones', async () => {
      const warnings = await Promise.all(
        Object.keys(LINTERS).map(async (linter) =>
          (await findings(linter)).filter((f) => f.severity === 'warning').map((f) => `${linter} ${f.rule} ${f.where}`),
        ),
      );

      expect(warnings.flat().filter((warning) => !EXPLAINED_WARNINGS.includes(warning))).toEqual([]);
    });
  });

  it('the checked-in client types are those openapi-typescript generates from the served document', async () => {
    const generated = generateApiTypes(json);
    // After a change of the API: WRITE_API_TYPES=1 npx jest test/e2e/openapi-contract -t 'client types' writes them.
    if (process.env.WRITE_API_TYPES === '1') writeFileSync(API_TYPES_FILE, generated);

    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(generated);
  });

  describe('a flow through the generated client, every response checked against the document', () => {
    it("a Game Master's table: create, seat each role, read and revalidate, move, remove, leave, list, read the log", async () => {
      const [gmId, playerId, assistantId, guestId] = [newUserId(), newUserId(), newUserId(), newUserId()];
      const gm = client(gmId);
      const key = randomUUID();

      const created = await gm.POST('/api/game-sessions', {
        params: { header: { 'Idempotency-Key': key } },
        body: { title: 'Curse of Strahd, night 3' },
      });
      const session = created.data!;
      expect(created.response.status).toBe(201);
      expect(created.response.headers.get('Location')).toBe(`/api/game-sessions/${session.id}`);
      expect(created.response.headers.get('ETag')).toBe('"1"');

      const replayed = await gm.POST('/api/game-sessions', {
        params: { header: { 'Idempotency-Key': key } },
        body: { title: 'Curse of Strahd, night 3' },
      });
      expect(replayed.response.headers.get('Idempotent-Replayed')).toBe('true');
      expect(replayed.response.headers.get('Location')).toBe(`/api/game-sessions/${session.id}`);

      const id = session.id;
      for (const [userId, type] of [
        [playerId, 'Player'],
        [assistantId, 'Assistant'],
        [guestId, 'Guest'],
      ] as const) {
        const added = await gm.POST('/api/game-sessions/{id}/participants', { params: { path: { id } }, body: { userId, type } });
        expect(added.response.status).toBe(201);
        expect(added.response.headers.get('Location')).toBe(`/api/game-sessions/${id}/participants/${userId}`);
      }

      const read = await gm.GET('/api/game-sessions/{id}', { params: { path: { id } } });
      const etag = read.response.headers.get('ETag')!;
      expect(read.data!.players.map((p) => p.type)).toEqual(['Master', 'Player', 'Assistant', 'Guest']);
      expect(etag).toBe(`"${read.data!.version}"`);

      const unchanged = await gm.GET('/api/game-sessions/{id}', { params: { path: { id }, header: { 'If-None-Match': etag } } });
      expect(unchanged.response.status).toBe(304);

      const stale = await gm.PATCH('/api/game-sessions/{id}', {
        params: { path: { id }, header: { 'If-Match': '"1"' } },
        body: { status: 'Scheduled' },
      });
      expect(stale.error?.code).toBe('STALE_SESSION');

      const moved = await gm.PATCH('/api/game-sessions/{id}', {
        params: { path: { id }, header: { 'If-Match': etag } },
        body: { status: 'Scheduled' },
      });
      expect(moved.data!.status).toBe('Scheduled');

      const renamed = await client(assistantId).PATCH('/api/game-sessions/{id}/participants/{userId}', {
        params: { path: { id, userId: assistantId } },
        body: { displayName: 'Ireena' },
      });
      expect(renamed.data!.players.map((p) => p.displayName)).toEqual([null, null, 'Ireena', null]);

      const invited = await gm.POST('/api/game-sessions/{id}/invites', { params: { path: { id } }, body: { type: 'Guest', maxUses: 2 } });
      const code = invited.data!.code;
      expect(invited.response.headers.get('Location')).toBe(`/api/game-sessions/${id}/invites/${code}`);
      const invites = await gm.GET('/api/game-sessions/{id}/invites', { params: { path: { id } } });
      expect(invites.data!.items.map((i) => i.code)).toEqual([code]);
      const stranger = newUserId();
      const opens = await client(stranger).GET('/api/invites/{code}', { params: { path: { code } } });
      expect(opens.data!.sessionId).toBe(id);
      const joined = await client(stranger).POST('/api/invites/{code}/accept', { params: { path: { code } }, body: { displayName: 'Ismark' } });
      expect(joined.response.status).toBe(201);
      expect(joined.data!).toMatchObject({ id, players: expect.arrayContaining([{ userId: stranger, displayName: 'Ismark', type: 'Guest', joinedAt: expect.any(String) }]) });
      const asking = await gm.POST('/api/game-sessions/{id}/invites', { params: { path: { id } }, body: { type: 'Player', approval: true } });
      const askingCode = asking.data!.code;
      const [approvedId, deniedId, withdrawnId] = [newUserId(), newUserId(), newUserId()];
      for (const userId of [approvedId, deniedId, withdrawnId]) {
        const filed = await client(userId).POST('/api/invites/{code}/accept', { params: { path: { code: askingCode } }, body: {} });
        expect(filed.response.status).toBe(202);
      }
      const waiting = await gm.GET('/api/game-sessions/{id}/join-requests', { params: { path: { id } } });
      expect(waiting.data!.items.map((r) => r.userId).sort()).toEqual([approvedId, deniedId, withdrawnId].sort());
      const approved = await gm.POST('/api/game-sessions/{id}/join-requests/{userId}/approve', { params: { path: { id, userId: approvedId } } });
      expect(approved.response.status).toBe(201);
      const denied = await gm.POST('/api/game-sessions/{id}/join-requests/{userId}/deny', { params: { path: { id, userId: deniedId } } });
      expect(denied.response.status).toBe(204);
      const withdrawn = await client(withdrawnId).DELETE('/api/game-sessions/{id}/join-requests/{userId}', { params: { path: { id, userId: withdrawnId } } });
      expect(withdrawn.response.status).toBe(204);
      await gm.DELETE('/api/game-sessions/{id}/participants/{userId}', { params: { path: { id, userId: approvedId } } });

      const revoked = await gm.DELETE('/api/game-sessions/{id}/invites/{code}', { params: { path: { id, code } } });
      expect(revoked.response.status).toBe(204);
      await gm.DELETE('/api/game-sessions/{id}/participants/{userId}', { params: { path: { id, userId: stranger } } });

      const removed = await gm.DELETE('/api/game-sessions/{id}/participants/{userId}', { params: { path: { id, userId: playerId } } });
      expect(removed.data!.players.map((p) => p.userId)).toEqual([gmId, assistantId, guestId]);

      const left = await client(guestId).DELETE('/api/game-sessions/{id}/participants/{userId}', {
        params: { path: { id, userId: guestId } },
      });
      expect(left.data!.players.map((p) => p.userId)).toEqual([gmId, assistantId]);

      const mine = await gm.GET('/api/game-sessions');
      expect(mine.data!.items.map((s) => s.id)).toEqual([id]);

      const log = await gm.GET('/api/game-sessions/{id}/events', { params: { path: { id }, query: { afterSeq: 0, limit: 1000 } } });
      const departures = log.data!.items.filter((e) => e.event === 'ParticipantLeft').map((e) => [e.userId, e.removedBy]);
      expect(departures).toEqual([
        [approvedId, gmId],
        [stranger, gmId],
        [playerId, gmId],
        [guestId, null],
      ]);
    });

    it('the removal lifecycle: a note and a ban, the bans listed and lifted, an undo, a type change, a bulk removal (dry, then real), the Master handed over', async () => {
      const gmId = newUserId();
      const gm = client(gmId);
      const { id } = (await gm.POST('/api/game-sessions', { body: { title: 'Night 9' } })).data!;
      const [anna, ben, cleo, dan] = [newUserId(), newUserId(), newUserId(), newUserId()];
      for (const userId of [anna, ben, cleo, dan]) {
        await gm.POST('/api/game-sessions/{id}/participants', { params: { path: { id } }, body: { userId, type: 'Player' } });
      }
      const until = new Date(Date.now() + 3_600_000).toISOString();

      const banned = await gm.DELETE('/api/game-sessions/{id}/participants/{userId}', {
        params: { path: { id, userId: anna } },
        body: { note: 'Spoilers', ban: { until } },
      });
      expect(banned.response.status).toBe(200);
      const bans = await gm.GET('/api/game-sessions/{id}/bans', { params: { path: { id } } });
      expect(bans.data!.items).toEqual([{ userId: anna, displayName: null, until, note: 'Spoilers', bannedBy: gmId, bannedAt: expect.any(String) }]);
      const restored = await gm.POST('/api/game-sessions/{id}/participants/{userId}/restore', { params: { path: { id, userId: anna } } });
      expect(restored.data!.players.map((p) => p.userId)).toEqual([gmId, anna, ben, cleo, dan]);
      await gm.DELETE('/api/game-sessions/{id}/participants/{userId}', { params: { path: { id, userId: ben } }, body: { ban: { until: null } } });
      const lifted = await gm.DELETE('/api/game-sessions/{id}/bans/{userId}', { params: { path: { id, userId: ben } } });
      expect(lifted.response.status).toBe(204);
      const changed = await gm.PATCH('/api/game-sessions/{id}/participants/{userId}', { params: { path: { id, userId: cleo } }, body: { type: 'Assistant' } });
      expect(changed.data!.players.find((p) => p.userId === cleo)?.type).toBe('Assistant');
      const dry = await gm.POST('/api/game-sessions/{id}/removals', { params: { path: { id } }, body: { userIds: [dan, gmId], dryRun: true } });
      expect(dry.data!.results).toEqual([
        { userId: dan, outcome: 'would-remove' },
        { userId: gmId, outcome: 'CANNOT_REMOVE_MASTER' },
      ]);
      const bulk = await gm.POST('/api/game-sessions/{id}/removals', { params: { path: { id } }, body: { userIds: [dan], note: 'Table closed' } });
      expect(bulk.data!.results).toEqual([{ userId: dan, outcome: 'removed' }]);
      const handed = await gm.POST('/api/game-sessions/{id}/game-master', { params: { path: { id } }, body: { userId: cleo, then: 'stay' } });
      expect(handed.data!).toMatchObject({ ownerId: cleo, players: expect.arrayContaining([expect.objectContaining({ userId: gmId, type: 'Player' })]) });

      const log = await client(cleo).GET('/api/game-sessions/{id}/events', { params: { path: { id }, query: { afterSeq: 5 } } });
      expect(log.data!.items.map((e) => e.event)).toEqual([
        'ParticipantLeft',
        'ParticipantRestored',
        'ParticipantLeft',
        'BanLifted',
        'ParticipantTypeChanged',
        'ParticipantLeft',
        'GameMasterChanged',
      ]);
    });

    it('the refusals are the documented problems: 400, 401, 403, 404, 409, 413, 415, 422, 429', async () => {
      const [gmId, playerId] = [newUserId(), newUserId()];
      const gm = client(gmId);
      const key = randomUUID();
      const { id } = (await gm.POST('/api/game-sessions', { params: { header: { 'Idempotency-Key': key } }, body: { title: 'x' } })).data!;
      await gm.POST('/api/game-sessions/{id}/participants', { params: { path: { id } }, body: { userId: playerId, type: 'Player' } });

      const refusals = {
        malformedId: await gm.GET('/api/game-sessions/{id}', { params: { path: { id: 'not-a-uuid' } } }),
        negativeAfterSeq: await gm.GET('/api/game-sessions/{id}/events', { params: { path: { id }, query: { afterSeq: -1 } } }),
        noToken: await client().GET('/api/game-sessions'),
        notGameMaster: await client(playerId).POST('/api/game-sessions/{id}/participants', {
          params: { path: { id } },
          body: { userId: newUserId(), type: 'Guest' },
        }),
        outsider: await client(newUserId()).GET('/api/game-sessions/{id}', { params: { path: { id } } }),
        alreadySeated: await gm.POST('/api/game-sessions/{id}/participants', {
          params: { path: { id } },
          body: { userId: playerId, type: 'Guest' },
        }),
        tooLarge: await gm.POST('/api/game-sessions', { body: { title: 'x'.repeat(17 * 1024) } }),
        unreadableCharset: await gm.POST('/api/game-sessions', {
          body: { title: 'x' },
          headers: { 'Content-Type': 'application/json; charset=iso-8859-1' },
        }),
        keyReused: await gm.POST('/api/game-sessions', { params: { header: { 'Idempotency-Key': key } }, body: { title: 'y' } }),
      };

      expect(Object.fromEntries(Object.entries(refusals).map(([name, { error }]) => [name, error?.code]))).toEqual({
        malformedId: 'VALIDATION_FAILED',
        negativeAfterSeq: 'VALIDATION_FAILED',
        noToken: 'UNAUTHORIZED',
        notGameMaster: 'NOT_GAME_MASTER',
        outsider: 'SESSION_NOT_FOUND',
        alreadySeated: 'ALREADY_PARTICIPANT',
        tooLarge: 'PAYLOAD_TOO_LARGE',
        unreadableCharset: 'UNSUPPORTED_MEDIA_TYPE',
        keyReused: 'IDEMPOTENCY_KEY_REUSED',
      });
    });

    it('a caller over its rate limit gets the documented 429 with Retry-After', async () => {
      const greedy = client(newUserId());
      let last = await greedy.GET('/api/game-sessions');
      for (let i = 0; i <= USER_BURST && last.response.status !== 429; i++) last = await greedy.GET('/api/game-sessions');

      expect(last.error?.code).toBe('RATE_LIMITED');
      expect(Number(last.response.headers.get('Retry-After'))).toBeGreaterThan(0);
    });

    it('the public routes answer without a token: the probes, the console settings, the development sign-in', async () => {
      const anonymous = client();

      expect((await anonymous.GET('/health/live')).data).toEqual({ status: 'ok' });
      expect((await anonymous.GET('/health/ready')).data).toEqual({ status: 'ok' });
      expect((await anonymous.GET('/api/console/settings')).data).toEqual({ devSignIn: true, restoreWindowSeconds: 600 });
      const minted = await anonymous.POST('/api/dev/tokens', { body: { userId: newUserId() } });
      expect(minted.data!.token).toEqual(expect.any(String));
      expect((await anonymous.POST('/api/dev/tokens', { body: { userId: 'alice' } })).error?.code).toBe('VALIDATION_FAILED');
    });

    it('a documented path asked with another method is the documented MethodNotAllowed response', async () => {
      const res = await fetch(`${t.url}/api/game-sessions/${newUserId()}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${tokenFor(newUserId())}` },
      });

      expect(res.status).toBe(405);
      expect(contract.violationsOfComponent('MethodNotAllowed', await received(res))).toEqual([]);
    });

    it('every operation of the document answered a success at least once', () => {
      const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`));
      const succeeded = new Set(checked.filter((c) => c.status < 300).map((c) => c.operation));

      expect(operations.filter((operation) => !succeeded.has(operation))).toEqual([]);
    });
  });

  describe('the check rejects what the document does not declare', () => {
    let created: ReceivedResponse;
    beforeAll(async () => {
      const res = await fetch(`${t.url}/api/game-sessions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${tokenFor(newUserId())}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'checked' }),
      });
      created = await received(res);
    });
    const check = (response: ReceivedResponse) => contract.violationsOf('POST', '/api/game-sessions', response);
    type Session = Record<string, unknown>;
    const withBody = (change: (session: Session) => unknown): ReceivedResponse => {
      const session = JSON.parse(created.body);
      change(session);
      return { ...created, body: JSON.stringify(session) };
    };
    const withHeaders = (change: (headers: Headers) => void): ReceivedResponse => {
      const headers = new Headers(created.headers);
      change(headers);
      return { ...created, headers };
    };

    it('the real response passes', () => {
      expect(check(created)).toEqual([]);
    });

    it.each([
      ['a version that is not an integer', (s: Session) => (s.version = 1.5), 'body /version must be integer'],
      ['an id that is not a uuid', (s: Session) => (s.id = 'session-1'), 'body /id must match format "uuid"'],
      ['a status outside the enum', (s: Session) => (s.status = 'Open'), 'body /status must be equal to one of the allowed values'],
      ['a field the document does not name', (s: Session) => (s.secret = 1), 'body (root) must NOT have additional properties'],
      ['a missing required field', (s: Session) => delete s.players, "body (root) must have required property 'players'"],
    ])('rejects %s', (_case, change, violation) => {
      expect(check(withBody(change)).join('\n')).toContain(violation);
    });

    it('rejects a 201 without its required Location header', () => {
      expect(check(withHeaders((h) => h.delete('Location')))).toEqual(['POST /api/game-sessions → 201: required header Location is missing']);
    });

    it('rejects an API header the response does not declare', () => {
      expect(check(withHeaders((h) => h.set('Retry-After', '1')))).toEqual([
        'POST /api/game-sessions → 201: header Retry-After is sent but not declared',
      ]);
    });

    it('rejects an ETag that is not a quoted version', () => {
      expect(check(withHeaders((h) => h.set('ETag', 'W/"1"')))[0]).toMatch(/header ETag: "W\/\\"1\\"" must match pattern/);
    });

    it('rejects a status the operation does not declare, and a content type it does not declare', () => {
      expect(check({ ...created, status: 418 })[0]).toMatch(/status not declared/);
      expect(check(withHeaders((h) => h.set('Content-Type', 'text/plain')))[0]).toMatch(/content type text\/plain is not declared/);
    });

    it('rejects, in an event, a removedBy that is neither a uuid nor null', () => {
      const events = (removedBy: unknown): ReceivedResponse => ({
        status: 200,
        headers: new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'r' }),
        body: JSON.stringify({
          items: [
            { event: 'ParticipantLeft', sessionId: randomUUID(), seq: 2, occurredAt: new Date().toISOString(), userId: randomUUID(), type: 'Player', reason: 'left', removedBy },
          ],
        }),
      });
      const check = (removedBy: unknown) => contract.violationsOf('GET', '/api/game-sessions/{id}/events', events(removedBy));

      expect([check(null), check(randomUUID())]).toEqual([[], []]);
      expect(check({})[0]).toContain('/items/0/removedBy must be string');
    });

    it('fails a call through the client when the response breaks the contract', async () => {
      const withoutETag: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        const headers = new Headers(res.headers);
        headers.delete('ETag');
        return new Response(await res.text(), { status: res.status, headers });
      };
      const tampered = rosterClient(t.url, checkedBy(contract, []), newUserId(), withoutETag);

      await expect(tampered.POST('/api/game-sessions', { body: { title: 'x' } })).rejects.toThrow(
        new ContractViolation('POST /api/game-sessions → 201: required header ETag is missing'),
      );
    });
  });
});

async function received(res: Response): Promise<ReceivedResponse> {
  return { status: res.status, headers: res.headers, body: await res.text() };
}
