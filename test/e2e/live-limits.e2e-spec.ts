import { sign } from 'jsonwebtoken';
import { LiveClient } from '../support/live-client';
import { RosterApi } from '../support/roster-api';
import { useTestApp } from '../support/test-app';
import { TEST_JWT_SECRET, newUserId } from '../support/tokens';

describe('Live gateway limits: message rate, token lifetime', () => {
  const t = useTestApp({ RATE_LIMIT_SOCKET_BURST: '3', RATE_LIMIT_SOCKET_PER_SECOND: '1' });

  it('a socket past its message burst is refused with 429 in the ack', async () => {
    const gm = new RosterApi(t.http, newUserId());
    const session = await gm.createdSession();
    const client = await LiveClient.connect(t.url, gm.userId);
    try {
      const acks = [];
      for (let i = 0; i < 4; i++) acks.push(await client.subscribe(session.id));

      expect(acks.slice(0, 3).map((a) => a.ok)).toEqual([true, true, true]);
      expect(acks[3]).toEqual({ ok: false, error: { status: 429, code: 'RATE_LIMITED', detail: 'Too many messages; retry in 1 s' } });
    } finally {
      client.close();
    }
  });

  it('a socket whose token expires is told so and disconnected at expiry', async () => {
    const userId = newUserId();
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const client = await LiveClient.connect(t.url, userId, sign({ sub: userId, exp: expiresAt }, TEST_JWT_SECRET));
    try {
      const reason = await new Promise<string>((resolve) => client.socket.once('disconnect', resolve));

      expect(reason).toBe('io server disconnect');
      expect(client.named('TokenExpired')).toEqual([{ expiredAt: new Date(expiresAt * 1000).toISOString() }]);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt * 1000);
    } finally {
      client.close();
    }
  });
});
