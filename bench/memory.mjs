// Memory: the resident set (RSS) with 0, 1,000 and 5,000 idle subscribed sockets, for the app and,
// as the floor, for a bare socket.io server holding as many sockets in a room. Everything a socket
// needs but the socket itself (sessions, seats) is made before the first measurement, and each
// measurement follows a full garbage collection (through the inspector), so that only what the
// sockets hold is counted.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { connectInspector } from './inspector.mjs';
import { call, token } from './support.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

export const SOCKET_COUNTS = [1000, 5000];
const BATCH = 100;

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

function connect(url, userId, sessionId) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/game-sessions`, { auth: { token: token(userId) }, transports: ['websocket'], forceNew: true });
    socket.once('connect_error', reject);
    socket.once('connect', async () => {
      if (!sessionId) return resolve(socket);
      const ack = await socket.emitWithAck('session:subscribe', { sessionId });
      if (ack.ok) resolve(socket);
      else reject(new Error(JSON.stringify(ack.error)));
    });
  });
}

/** Sessions of 100 Guests for `count` users, made through the REST API: [{ userId, sessionId }]. */
async function seat(port, count) {
  const gmToken = token(randomUUID());
  const seats = [];
  for (let i = 0; i < count; i += BATCH) {
    const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'idle' })).body;
    const users = Array.from({ length: Math.min(BATCH, count - i) }, () => randomUUID());
    await Promise.all(users.map((userId) => call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Guest' })));
    seats.push(...users.map((userId) => ({ userId, sessionId: session.id })));
  }
  return seats;
}

/** subject: { pid, url, inspectorPort, seats? }; seats (the app's) say whom each socket signs in as and follows. */
async function measure(subject) {
  const inspector = await connectInspector(subject.inspectorPort);
  const sample = async () => {
    const heap = await inspector.memoryAfterGc();
    return { rssKb: rssKb(subject.pid), heapKb: heap.heapUsed + heap.external };
  };
  const sockets = [];
  try {
    await settle();
    const atRest = await sample();
    const figures = { atRest };
    for (const count of SOCKET_COUNTS) {
      for (let i = sockets.length; i < count; i += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => subject.seats?.[i + j] ?? { userId: randomUUID() });
        sockets.push(...(await Promise.all(batch.map(({ userId, sessionId }) => connect(subject.url, userId, sessionId)))));
      }
      await settle();
      const now = await sample();
      figures[count] = { ...now, rssPerSocketKb: (now.rssKb - atRest.rssKb) / count, heapPerSocketKb: (now.heapKb - atRest.heapKb) / count };
    }
    return figures;
  } finally {
    sockets.forEach((s) => s.close());
    inspector.close();
  }
}

/** app and bare: { port, url, pid, inspectorPort }, each a process of its own started for this. */
export async function benchMemory(app, bare) {
  const seats = await seat(app.port, Math.max(...SOCKET_COUNTS));
  return { app: await measure({ ...app, seats }), bare: await measure(bare) };
}
