// Memory: the app's resident set at rest and with many idle subscribed sockets.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { call, token } from './support.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

/** Sessions of 100 seats for `count` users, then one subscribed socket per user. */
async function subscribe(port, url, count) {
  const gmToken = token(randomUUID());
  const users = Array.from({ length: count }, () => randomUUID());
  const sockets = [];
  for (let i = 0; i < count; i += 100) {
    const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'idle' })).body;
    const seats = users.slice(i, i + 100);
    await Promise.all(seats.map((userId) => call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Guest' })));
    sockets.push(
      ...(await Promise.all(
        seats.map(
          (userId) =>
            new Promise((resolve, reject) => {
              const socket = io(`${url}/game-sessions`, { auth: { token: token(userId) }, transports: ['websocket'], forceNew: true });
              socket.once('connect_error', reject);
              socket.once('connect', async () => {
                const ack = await socket.emitWithAck('session:subscribe', { sessionId: session.id });
                if (ack.ok) resolve(socket);
                else reject(new Error(JSON.stringify(ack.error)));
              });
            }),
        ),
      )),
    );
  }
  return sockets;
}

export async function benchMemory(port, url, pid) {
  await settle();
  const atRest = rssKb(pid);
  const figures = { atRestKb: atRest };
  let sockets = [];
  for (const count of [1000, 5000]) {
    sockets = sockets.concat(await subscribe(port, url, count - sockets.length));
    await settle();
    figures[count] = { rssKb: rssKb(pid), perSocketKb: (rssKb(pid) - atRest) / count };
  }
  sockets.forEach((s) => s.close());
  return figures;
}
