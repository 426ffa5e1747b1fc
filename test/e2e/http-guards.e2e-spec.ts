import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { LiveClient, refusalOf } from '../support/live-client';
import { useTestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId } from '../support/tokens';

const ALLOWED = 'https://gm.example.com';

describe('Guards at the door: security headers, CORS allow-list, issuer and audience', () => {
  const t = useTestApp({ CORS_ORIGINS: `${ALLOWED}, https://other.example.com`, JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'roster' });

  const tokenFor = (userId: string, claims: object = { iss: 'https://id.example.com', aud: 'roster' }) =>
    sign({ sub: userId, ...claims }, TEST_JWT_SECRET, { expiresIn: 60 });

  it('answers with security headers', async () => {
    const res = await request(t.http).get('/health/live').expect(200);

    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('lets an allowed origin in, with the headers it needs exposed', async () => {
    const preflight = await request(t.http)
      .options('/api/game-sessions/x/participants/y')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'DELETE')
      .set('Access-Control-Request-Headers', 'authorization,if-match');

    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/If-Match/);
    const res = await request(t.http).get('/api/game-sessions').set('Origin', ALLOWED).set('Authorization', `Bearer ${tokenFor(newUserId())}`);
    // Everything the OpenAPI document declares a browser may need to read: versions, new ids, waits, retries, log ids.
    expect(res.headers['access-control-expose-headers']?.split(',')).toEqual(['ETag', 'Location', 'Retry-After', 'Allow', 'Idempotent-Replayed', 'X-Request-Id']);
  });

  it('gives another origin no CORS grant', async () => {
    const res = await request(t.http).get('/health/live').set('Origin', 'https://evil.example.com');

    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['no issuer or audience', {}],
    ['another issuer', { iss: 'https://evil.example.com', aud: 'roster' }],
    ['another audience', { iss: 'https://id.example.com', aud: 'billing' }],
  ])('refuses a token with %s, over REST and on the socket', async (_case, claims) => {
    const token = tokenFor(newUserId(), claims);

    await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${token}`).expect(401);
    expect(await refusalOf(t.url, token)).toBe('unauthorized');
  });

  it('refuses a token whose crit header names an extension it does not understand (RFC 7515 §4.1.11), over REST and on the socket', async () => {
    const token = sign({ sub: newUserId(), iss: 'https://id.example.com', aud: 'roster', 'urn:example:bound': 'x' }, TEST_JWT_SECRET, {
      expiresIn: 60,
      header: { alg: 'HS256', crit: ['urn:example:bound'] },
    });

    await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${token}`).expect(401);
    expect(await refusalOf(t.url, token)).toBe('unauthorized');
  });

  it('accepts the configured issuer and audience, over REST and on the socket', async () => {
    const userId = newUserId();

    await request(t.http).get('/api/game-sessions').set('Authorization', `Bearer ${tokenFor(userId)}`).expect(200);
    const client = await LiveClient.connect(t.url, userId, tokenFor(userId));
    client.close();
  });
});
