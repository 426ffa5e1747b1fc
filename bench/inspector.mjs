// A process's own view of its memory, after a full garbage collection, through the inspector that
// `--inspect=127.0.0.1:<port>` opens (Chrome DevTools Protocol over a WebSocket): RSS alone counts
// garbage not yet collected and heap the allocator keeps.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// socket.io's own WebSocket implementation: Node 20 has no WebSocket client of its own.
const WebSocket = require('ws');

export async function connectInspector(port) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let lastId = 0;
  const waiting = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    const settle = waiting.get(message.id);
    if (!settle) return;
    waiting.delete(message.id);
    if (message.error) settle.reject(new Error(message.error.message));
    else settle.resolve(message.result);
  });
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    /** process.memoryUsage() in KiB, taken right after a full garbage collection. */
    async memoryAfterGc() {
      await send('HeapProfiler.collectGarbage');
      const { result } = await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
      return Object.fromEntries(Object.entries(JSON.parse(result.value)).map(([k, v]) => [k, v / 1024]));
    },
    close: () => socket.close(),
  };
}
