// Live fan-out: how long after a removal the remaining subscribers hear ParticipantLeft.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { call, now, summary, token } from './support.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

function subscriber(url, userId, sessionId) {
  const socket = io(`${url}/game-sessions`, { auth: { token: token(userId) }, transports: ['websocket'], forceNew: true });
  const heard = new Map();
  socket.on('ParticipantLeft', (event) => heard.set(event.seq, now()));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', async () => {
      const ack = await socket.emitWithAck('session:subscribe', { sessionId });
      if (!ack.ok) reject(new Error(JSON.stringify(ack.error)));
      resolve({ socket, heard });
    });
  });
}

async function waitUntil(condition) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

export async function benchFanout(url, port, { subscribers, removals }) {
  const gm = randomUUID();
  const gmToken = token(gm);
  const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'fan-out' })).body;
  const listeners = Array.from({ length: subscribers }, () => randomUUID());
  const leavers = Array.from({ length: removals + 20 }, () => randomUUID());
  for (const userId of [...listeners, ...leavers]) {
    await call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Guest' });
  }
  const clients = await Promise.all(listeners.map((userId) => subscriber(url, userId, session.id)));
  const afterResponse = [];
  const afterRequest = [];
  for (const [i, userId] of leavers.entries()) {
    const sent = now();
    const res = await call(port, 'DELETE', `/api/game-sessions/${session.id}/participants/${userId}`, gmToken);
    const answered = now();
    const seq = res.body.version;
    await waitUntil(() => clients.every((c) => c.heard.has(seq)));
    if (i < 20) continue; // warm-up
    for (const c of clients) {
      afterResponse.push(c.heard.get(seq) - answered);
      afterRequest.push(c.heard.get(seq) - sent);
    }
  }
  for (const c of clients) c.socket.close();
  return { subscribers, removals, fromResponse: summary(afterResponse), fromRequest: summary(afterRequest) };
}


