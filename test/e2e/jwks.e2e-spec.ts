import { generateKeyPairSync } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { LiveClient, refusalOf } from '../support/live-client';
import { TestApp, startTestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId } from '../support/tokens';

/** An identity provider's key set, served on loopback. */
function keySetServer(jwks: object): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`,
        hits: () => hits,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('RS256 tokens from an identity provider (JWT_JWKS_URL)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  let idp: Awaited<ReturnType<typeof keySetServer>>;
  let t: TestApp;

  beforeAll(async () => {
    idp = await keySetServer({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' }] });
    t = await startTestApp({ JWT_JWKS_URL: idp.url });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
  });

  const rs256 = (sub: string, kid = 'key-1') => sign({ sub }, privateKey, { algorithm: 'RS256', keyid: kid, expiresIn: 60 });
  const get = (token: string) => request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${token}`);

  it('accepts a token signed with the provider key of its kid, over REST and on the socket', async () => {
    const userId = newUserId();

    await get(rs256(userId)).expect(200);
    const client = await LiveClient.connect(t.url, userId, rs256(userId));
    client.close();
  });

  it('still accepts HS256 tokens signed with JWT_SECRET', async () => {
    await get(sign({ sub: newUserId() }, TEST_JWT_SECRET, { expiresIn: 60 })).expect(200);
  });

  it.each([
    ['an unknown kid', () => rs256(newUserId(), 'key-2')],
    ['another private key', () => sign({ sub: newUserId() }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, { algorithm: 'RS256', keyid: 'key-1', expiresIn: 60 })],
    ['HS256 signed with the public key as secret (algorithm confusion)', () => sign({ sub: newUserId() }, publicPem, { algorithm: 'HS256', keyid: 'key-1', expiresIn: 60 })],
    ['RS256 without a kid', () => sign({ sub: newUserId() }, privateKey, { algorithm: 'RS256', expiresIn: 60 })],
  ])('refuses %s', async (_case, token) => {
    const bad = token();

    await get(bad).expect(401);
    expect(await refusalOf(t.url, bad)).toBe('unauthorized');
  });

  it('caches the key set rather than fetching it for every token', async () => {
    const before = idp.hits();

    for (let i = 0; i < 5; i++) await get(rs256(newUserId())).expect(200);

    expect(idp.hits()).toBe(before);
  });
});
