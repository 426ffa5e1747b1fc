// Live fan-out: how long after a removal's response the remaining subscribers hear ParticipantLeft,
// at 1,000 subscribers on one table, on 100 tables of 10, across two instances, and for a bare
// socket.io broadcast to the same number of clients (the floor).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { call, now, summary, token } from './support.mjs';

const require = createRequire(import.meta.url);
const { io } = require('socket.io-client');

const BATCH = 50;

/** A live client; `heard` maps each ParticipantLeft seq to when it arrived. */
function connect(url, auth) {
  const socket = io(`${url}/game-sessions`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  const heard = new Map();
  socket.on('ParticipantLeft', (event) => heard.set(event.seq, now()));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () => resolve({ socket, heard }));
  });
}

async function inBatches(items, start) {
  const started = [];
  for (let i = 0; i < items.length; i += BATCH) started.push(...(await Promise.all(items.slice(i, i + BATCH).map(start))));
  return started;
}

async function subscriber(url, userId, sessionId) {
  const client = await connect(url, { token: token(userId) });
  const ack = await client.socket.emitWithAck('session:subscribe', { sessionId });
  if (!ack.ok) throw new Error(JSON.stringify(ack.error));
  return client;
}

async function until(condition) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** A session with `listeners` subscribed participants and `leavers` more to remove. */
async function table(port, listeners, leavers) {
  const gmToken = token(randomUUID());
  const session = (await call(port, 'POST', '/api/game-sessions', gmToken, { title: 'fan-out' })).body;
  const ids = { listeners: listeners.map(() => randomUUID()), leavers: Array.from({ length: leavers }, () => randomUUID()) };
  for (const userId of [...ids.listeners, ...ids.leavers]) {
    await call(port, 'POST', `/api/game-sessions/${session.id}/participants`, gmToken, { userId, type: 'Guest' });
  }
  return { session, gmToken, ...ids };
}

/** Removes the leavers one after another; arrival minus response, for every listener, per removal. */
async function removeAndListen(port, { session, gmToken, leavers }, clients, warmUp) {
  const delays = [];
  for (const [i, userId] of leavers.entries()) {
    const res = await call(port, 'DELETE', `/api/game-sessions/${session.id}/participants/${userId}`, gmToken);
    const answered = now();
    const seq = res.body.version;
    await until(() => clients.every((c) => c.heard.has(seq)));
    if (i >= warmUp) for (const c of clients) delays.push(c.heard.get(seq) - answered);
  }
  return delays;
}

const close = (clients) => clients.forEach((c) => c.socket.close());

/** `subscribers` clients on one table, spread over the given app urls (one or two instances). */
export async function oneTable(port, urls, subscribers, removals) {
  const warmUp = 10;
  const t = await table(port, Array.from({ length: subscribers }), removals + warmUp);
  const clients = await inBatches(t.listeners, (userId, i) => subscriber(urls[i % urls.length], userId, t.session.id));
  try {
    return summary(await removeAndListen(port, t, clients, warmUp));
  } finally {
    close(clients);
  }
}

/** `tables` sessions of `size` subscribers; each removal is heard by its own table only. */
export async function manyTables(port, url, tables, size, removalsPerTable) {
  const made = [];
  for (let i = 0; i < tables; i++) made.push(await table(port, Array.from({ length: size }), removalsPerTable));
  const clients = await inBatches(
    made.flatMap((t) => t.listeners.map((userId) => ({ userId, t }))),
    ({ userId, t }) => subscriber(url, userId, t.session.id).then((c) => ({ ...c, t })),
  );
  try {
    const delays = [];
    for (const t of made) delays.push(...(await removeAndListen(port, t, clients.filter((c) => c.t === t), 0)));
    return summary(delays);
  } finally {
    close(clients);
  }
}

/** The floor: the same number of clients on a bare socket.io server, one broadcast at a time. */
export async function bareBroadcast(floorPort, floorUrl, clients, broadcasts) {
  const warmUp = 10;
  const sockets = await inBatches(Array.from({ length: clients }), () => connect(floorUrl, {}));
  try {
    const delays = [];
    for (let i = 0; i < broadcasts + warmUp; i++) {
      const res = await call(floorPort, 'POST', '/broadcast', 'none');
      const answered = now();
      await until(() => sockets.every((s) => s.heard.has(res.body.seq)));
      if (i >= warmUp) for (const s of sockets) delays.push(s.heard.get(res.body.seq) - answered);
    }
    return summary(delays);
  } finally {
    close(sockets);
  }
}
