import { Server, Socket, createServer, connect } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Drops every connection and refuses new ones, as a database that went away. */
  cut(): Promise<void>;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  /**
   * Keeps every connection open but silently drops every byte both ways, and leaves new ones
   * hanging: packets vanish, no RST, as a network that went dark.
   */
  blackhole(): void;
  /** New connections forward again; the old ones stay dead, as behind a NAT that lost its state. */
  heal(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy in front of a server, so a test can cut it off and bring it back. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  /** Connections that drop their bytes for good. */
  const dead = new Set<Socket>();
  let dark = false;
  let server: Server;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      dead.delete(socket);
    });
    socket.on('error', () => undefined);
  };
  // Hand-written forwarding (not pipe) so that a connection can go on reading and dropping bytes.
  const forward = (from: Socket, to: Socket, client: Socket) => from.on('data', (chunk) => dead.has(client) || to.write(chunk));
  const open = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer((client) => {
        track(client);
        if (dark) {
          dead.add(client);
          client.on('data', () => undefined);
          return;
        }
        const upstream = connect(targetPort, targetHost);
        track(upstream);
        forward(client, upstream, client);
        forward(upstream, client, client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  const port = await open(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return {
    port,
    cut: stop,
    restore: async () => {
      await open(port);
    },
    blackhole: () => {
      dark = true;
      for (const s of sockets) dead.add(s);
    },
    heal: () => {
      dark = false;
    },
    close: stop,
  };
}
