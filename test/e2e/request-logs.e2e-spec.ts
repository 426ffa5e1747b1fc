import request from 'supertest';
import { spawnApp } from '../support/app-process';
import { LiveClient } from '../support/live-client';
import { useTestApp } from '../support/test-app';
import { newUserId, tokenFor } from '../support/tokens';

describe('Logs an operator can use: one JSON line per request, never a token', () => {
  const witness = useTestApp();

  it('names the request id, the user, the session, the action and the outcome of changes and refusals', async () => {
    const app = await spawnApp(witness.database.url, { LOG_LEVEL: 'info' });
    const gm = newUserId();
    const token = tokenFor(gm);
    const player = newUserId();
    const created = await request(app.url).post('/api/game-sessions').set('Authorization', `Bearer ${token}`).send({ title: 'logged' });
    const added = await request(app.url)
      .post(`/api/game-sessions/${created.body.id}/participants`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'add-1')
      .send({ userId: player, type: 'Player' });
    const refused = await request(app.url)
      .delete(`/api/game-sessions/${created.body.id}/participants/${gm}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'remove-master-1');
    await request(app.url).get('/api/game-sessions').set('Authorization', 'Bearer not-a-token').set('X-Request-Id', 'anon-1');
    const outsider = newUserId();
    const live = await LiveClient.connect(app.url, outsider);
    await live.subscribe(created.body.id);
    live.close();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);

    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    const byRequest = (id: string) => lines.find((l) => l.req?.id === id);
    expect(added.headers['x-request-id']).toBe('add-1');
    expect(refused.headers['x-request-id']).toBe('remove-master-1');
    expect(byRequest('add-1')).toMatchObject({
      level: 30,
      userId: gm,
      action: 'addParticipant',
      sessionId: created.body.id,
      targetUserId: player,
      outcome: 'ok',
      res: { statusCode: 201 },
    });
    expect(byRequest('remove-master-1')).toMatchObject({
      level: 40,
      userId: gm,
      action: 'removeParticipant',
      sessionId: created.body.id,
      targetUserId: gm,
      outcome: 'CANNOT_REMOVE_MASTER',
      res: { statusCode: 400 },
    });
    expect(byRequest('anon-1')).toMatchObject({ outcome: 'UNAUTHORIZED', res: { statusCode: 401 } });
    expect(lines.find((l) => l.action === 'session:subscribe')).toMatchObject({
      level: 40,
      userId: outsider,
      sessionId: created.body.id,
      outcome: 'SESSION_NOT_FOUND',
    });
    expect(app.output()).not.toContain(token);
    expect(app.output()).not.toMatch(/Bearer|authorization/i);
  }, 60_000);
});
