// The fan-out floor: a bare socket.io server, no framework, no auth, no database. Sockets that
// connect to /game-sessions join one room; POST /broadcast emits a ParticipantLeft-shaped event
// (numbered from 1) to that room, then answers.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

let seq = 0;
const http = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') return void res.writeHead(404).end();
  seq += 1;
  tables.to('table').emit('ParticipantLeft', {
    event: 'ParticipantLeft',
    sessionId: '00000000-0000-4000-8000-000000000000',
    seq,
    occurredAt: new Date(),
    userId: '00000000-0000-4000-8000-000000000001',
    type: 'Guest',
    reason: 'removed',
    removedBy: '00000000-0000-4000-8000-000000000002',
  });
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ seq }));
});
const tables = new Server(http).of('/game-sessions');
tables.on('connection', (socket) => socket.join('table'));
http.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`Serving on ${process.env.PORT}`));
process.on('SIGTERM', () => http.close(() => process.exit(0)));
