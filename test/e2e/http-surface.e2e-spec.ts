import { execFileSync } from 'node:child_process';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { RosterApi, expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId, tokenFor } from '../support/tokens';

describe('HTTP surface: tokens, malformed requests, unknown routes, health, OpenAPI', () => {
  const t = useTestApp();

  describe('401: every /api route wants a valid bearer token', () => {
    const user = '0b7f6c3e-5d41-4b8e-9a3b-6c2f0e1d2a44';
    const now = () => Math.floor(Date.now() / 1000);
    const none = (claims: object) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

    it.each([
      ['no Authorization header', undefined],
      ['a token that is not a JWT', 'Bearer not.a.jwt'],
      ['another scheme', `Basic ${tokenFor(user)}`],
      ['an expired token', `Bearer ${sign({ sub: user, exp: now() - 10 }, TEST_JWT_SECRET)}`],
      ['a token signed with another secret', `Bearer ${tokenFor(user, 'another-secret-another-secret-another-secret')}`],
      ['a sub that is not a UUID', `Bearer ${sign({ sub: 'alice' }, TEST_JWT_SECRET, { expiresIn: 60 })}`],
      ['no sub', `Bearer ${sign({ name: 'alice' }, TEST_JWT_SECRET, { expiresIn: 60 })}`],
      ['no exp', `Bearer ${sign({ sub: user }, TEST_JWT_SECRET)}`],
      ['alg none', `Bearer ${none({ sub: user, exp: now() + 60 })}`],
      ['alg HS512 (the algorithm is pinned)', `Bearer ${sign({ sub: user }, TEST_JWT_SECRET, { algorithm: 'HS512', expiresIn: 60 })}`],
      [
        'a crit header naming an extension it does not understand (RFC 7515 §4.1.11)',
        `Bearer ${sign({ sub: user, 'urn:example:must-check': true }, TEST_JWT_SECRET, { expiresIn: 60, header: { alg: 'HS256', crit: ['urn:example:must-check'] } })}`,
      ],
    ])('refuses %s', async (_case, authorization) => {
      const req = request(t.http).get('/api/game-sessions');
      const res = await (authorization ? req.set('Authorization', authorization) : req);

      expectProblem(res, 401, 'UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([
      ['a body that is not JSON', (r: request.Test) => r.set('Content-Type', 'application/json').send('{"title":')],
      ['a body over 16 KiB', (r: request.Test) => r.send({ title: 'x'.repeat(17 * 1024) })],
      ['a body in an unknown charset', (r: request.Test) => r.set('Content-Type', 'application/json; charset=utf-7').send('{}')],
      ['a body nested too deep', (r: request.Test) => r.set('Content-Type', 'application/json').send(`{"title":${'['.repeat(7000)}${']'.repeat(7000)}}`)],
    ])('checks the token before reading the body: %s without a valid token answers 401', async (_case, withBody) => {
      const res = await withBody(request(t.http).post('/api/game-sessions').set('Authorization', 'Bearer forged'));

      expectProblem(res, 401, 'UNAUTHORIZED');
    });

    it('checks the token before decoding the path: a broken percent-encoding without a token answers 401', async () => {
      expectProblem(await request(t.http).get('/api/game-sessions/%FF'), 401, 'UNAUTHORIZED');
    });

    it('checks the token before anything else (401 wins over a malformed id)', async () => {
      const res = await request(t.http).delete('/api/game-sessions/nope/participants/nope');

      expectProblem(res, 401, 'UNAUTHORIZED');
    });

    it('accepts the token that `npm run token` prints', async () => {
      const userId = newUserId();
      const token = execFileSync(process.execPath, ['scripts/mint-token.js', userId, '--name', 'Alice'], {
        env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET },
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim();

      const created = await request(t.http)
        .post('/api/game-sessions')
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'minted' })
        .expect(201);
      expect(created.body.ownerId).toBe(userId);
    });

    it('accepts a token with a name claim', async () => {
      const token = sign({ sub: newUserId(), name: 'Alice' }, TEST_JWT_SECRET, { expiresIn: 60 });

      await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${token}`).expect(200);
    });
  });

  describe('malformed requests', () => {
    const gm = () => new RosterApi(t.http, newUserId());

    it('a body that is not JSON answers 400', async () => {
      const res = await gm().call('post', '/api/game-sessions').set('Content-Type', 'application/json').send('{"title":');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'Request body is not valid JSON');
    });

    it('a JSON array body answers 400', async () => {
      const res = await gm().call('post', '/api/game-sessions').send([{ title: 'x' }]);

      expectProblem(res, 400, 'VALIDATION_FAILED', 'Request body must be a JSON object');
    });

    it('a path with a broken percent-encoding answers 400', async () => {
      expectProblem(await gm().call('get', '/api/game-sessions/%FF'), 400, 'VALIDATION_FAILED');
    });

    it('an entity tag is opaque text: If-Match "01" is stale for version 1 (412), "1" is not', async () => {
      const api = gm();
      const session = await api.createdSession();

      const stale = await api.changeStatus(session.id, 'Scheduled').set('If-Match', '"01"');
      expectProblem(stale, 412, 'STALE_SESSION');
      await api.changeStatus(session.id, 'Scheduled').set('If-Match', `"${session.version}"`).expect(200);
    });

    it.each([
      ['a form', 'application/x-www-form-urlencoded', 'title=Curse%20of%20Strahd'],
      ['text', 'text/plain', '{"title":"Curse of Strahd"}'],
      ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nCurse\r\n--x--'],
    ])('only JSON bodies are read: %s answers 415 UNSUPPORTED_MEDIA_TYPE and nothing is created', async (_case, type, body) => {
      const api = gm();
      const res = await api.call('post', '/api/game-sessions').set('Content-Type', type).send(body);

      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type} is not read: send application/json`);
      expect((await api.call('get', '/api/game-sessions').expect(200)).body.items).toEqual([]);
    });

    it('only JSON bodies are read: a body without Content-Type answers 415; no body at all is no body', async () => {
      const api = gm();
      const session = await api.createdSession();
      const untyped = await api.call('patch', `/api/game-sessions/${session.id}`).set('If-Match', `"${session.version}"`).send('status=Scheduled').unset('Content-Type');

      expectProblem(untyped, 415, 'UNSUPPORTED_MEDIA_TYPE', 'A body without Content-Type is not read: send application/json');
      const player = newUserId();
      await api.addParticipant(session.id, player).expect(201);
      await api.call('delete', `/api/game-sessions/${session.id}/participants/${player}`).expect(200);
    });

    it('a body over 16 KiB answers 413', async () => {
      const res = await gm().call('post', '/api/game-sessions').send({ title: 'x'.repeat(17 * 1024) });

      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    });
  });

  describe('unknown routes and methods', () => {
    it('an unknown path answers 404 ROUTE_NOT_FOUND', async () => {
      expectProblem(await request(t.http).get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    });

    it('a known path with another method answers 405 with Allow', async () => {
      const res = await new RosterApi(t.http, newUserId()).call('put', `/api/game-sessions/${newUserId()}`);

      expectProblem(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.allow).toBe('GET, PATCH');
    });
  });

  describe('health and documentation need no token', () => {
    it('liveness and readiness answer 200 while the database answers', async () => {
      expect((await request(t.http).get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
      expect((await request(t.http).get('/health/ready').expect(200)).body).toEqual({ status: 'ok' });
    });

    it('serves the OpenAPI document with every route and every problem code', async () => {
      const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;

      expect(Object.keys(doc.paths).sort()).toEqual([
        '/api/console/settings',
        '/api/dev/tokens',
        '/api/game-sessions',
        '/api/game-sessions/{id}',
        '/api/game-sessions/{id}/bans',
        '/api/game-sessions/{id}/bans/{userId}',
        '/api/game-sessions/{id}/events',
        '/api/game-sessions/{id}/game-master',
        '/api/game-sessions/{id}/invites',
        '/api/game-sessions/{id}/invites/{code}',
        '/api/game-sessions/{id}/join-requests',
        '/api/game-sessions/{id}/join-requests/{userId}',
        '/api/game-sessions/{id}/join-requests/{userId}/approve',
        '/api/game-sessions/{id}/join-requests/{userId}/deny',
        '/api/game-sessions/{id}/participants',
        '/api/game-sessions/{id}/participants/{userId}',
        '/api/game-sessions/{id}/participants/{userId}/restore',
        '/api/game-sessions/{id}/removals',
        '/api/invites/{code}',
        '/api/invites/{code}/accept',
        '/health/live',
        '/health/ready',
      ]);
      const remove = doc.paths['/api/game-sessions/{id}/participants/{userId}'].delete;
      expect(Object.keys(remove.responses).sort()).toEqual(['200', '400', '401', '403', '404', '412', '413', '415', '429', '500', '503']);
      expect(doc.components.schemas.ProblemCode.enum).toEqual(
        expect.arrayContaining(['CANNOT_REMOVE_MASTER', 'SESSION_FINISHED', 'NOT_GAME_MASTER', 'PARTICIPANT_NOT_FOUND']),
      );
      expect(doc.info.description).toContain('urn:game-session-roster:problem:cannot-remove-master');
      await request(t.http).get('/api/docs').expect(200).expect('Content-Type', /html/);
    });

    it('the OpenAPI UI works over plain http on any address: its policy does not upgrade its assets to https', async () => {
      const page = await request(t.http).get('/api/docs/').set('Host', '192.168.1.20:3000').expect(200);
      const policy = page.headers['content-security-policy'];

      expect(policy).toContain("script-src 'self' 'unsafe-inline'");
      expect(policy).not.toContain('upgrade-insecure-requests');
    });
  });
});
