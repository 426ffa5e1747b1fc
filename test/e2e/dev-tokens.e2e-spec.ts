import { decode } from 'jsonwebtoken';
import request from 'supertest';
import { expectProblem } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { newUserId } from '../support/tokens';

const mint = (http: Parameters<typeof request>[0], body: unknown) => request(http).post('/api/dev/tokens').send(body as object);

describe('development sign-in: POST /api/dev/tokens', () => {
  describe('outside production, with a shared secret', () => {
    const t = useTestApp();

    it('signs a token, without a token of its own, that the API and the socket gateway accept', async () => {
      const userId = newUserId();
      const res = await mint(t.http, { userId: userId.toUpperCase() }).expect(201);

      expect(Object.keys(res.body)).toEqual(['token']);
      const claims = decode(res.body.token) as { sub: string; exp: number; iat: number };
      expect(claims.sub).toBe(userId);
      expect(claims.exp - claims.iat).toBe(3600);
      await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    });

    it('tells the console that it may offer "sign in as"', async () => {
      expect((await request(t.http).get('/api/console/settings').expect(200)).body).toEqual({ devSignIn: true, restoreWindowSeconds: 600 });
    });

    it.each([
      ['a user id that is no UUID', { userId: 'alice' }, 'userId must be a UUID'],
      ['no user id', {}, 'userId must be a UUID'],
      ['an unknown field', { userId: '11111111-1111-4111-8111-111111111111', admin: true }, 'property admin should not exist'],
    ])('refuses %s with 400 VALIDATION_FAILED, not 401', async (_case, body, detail) => {
      expectProblem(await mint(t.http, body), 400, 'VALIDATION_FAILED', detail);
    });

    it('refuses a body that is not JSON with 400, not 401: the route is open', async () => {
      const res = await request(t.http).post('/api/dev/tokens').set('Content-Type', 'application/json').send('{"userId":');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'Request body is not valid JSON');
    });
  });

  describe('with JWT_ISSUER and JWT_AUDIENCE', () => {
    const t = useTestApp({ JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'roster' });

    it('signs tokens that carry them, so that the API accepts its own tokens', async () => {
      const { token } = (await mint(t.http, { userId: newUserId() }).expect(201)).body;

      expect(decode(token)).toMatchObject({ iss: 'https://id.example', aud: 'roster' });
      await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${token}`).expect(200);
    });
  });

  describe.each([
    ['in production', { NODE_ENV: 'production' }],
    ['where an identity provider signs the tokens (JWT_JWKS_URL)', { JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' }],
  ])('%s', (_where, env) => {
    const t = useTestApp(env);

    it('the route does not exist: 404 ROUTE_NOT_FOUND for every method', async () => {
      expectProblem(await mint(t.http, { userId: newUserId() }), 404, 'ROUTE_NOT_FOUND');
      expectProblem(await request(t.http).get('/api/dev/tokens'), 404, 'ROUTE_NOT_FOUND');
    });

    it('the console is told not to offer "sign in as"', async () => {
      expect((await request(t.http).get('/api/console/settings').expect(200)).body).toEqual({ devSignIn: false, restoreWindowSeconds: 600 });
    });

    it('the OpenAPI document does not list it', async () => {
      const doc = (await request(t.http).get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).not.toContain('/api/dev/tokens');
    });
  });
});
