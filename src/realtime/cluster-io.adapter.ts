import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import { Observable } from 'rxjs';
import { Server, ServerOptions, Socket } from 'socket.io';

const LISTEN_TIMEOUT_MS = 5000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type AdapterFactory = Parameters<Server['adapter']>[0];

/**
 * socket.io across instances: messages between servers go through Redis when REDIS_URL is set,
 * else through PostgreSQL's LISTEN/NOTIFY on the application's own database (no extra server).
 */
export class ClusterIoAdapter extends IoAdapter {
  private static readonly logger = new Logger('ClusterIoAdapter');

  private constructor(
    app: INestApplicationContext,
    private readonly adapterFactory: AdapterFactory,
    private readonly release: () => Promise<void>,
    private readonly cors: ServerOptions['cors'],
  ) {
    super(app);
  }

  static async connect(
    app: INestApplicationContext,
    via: { redisUrl?: string; databaseUrl: string; cors: ServerOptions['cors'] },
  ): Promise<ClusterIoAdapter> {
    const logError = (error: Error) => ClusterIoAdapter.logger.warn(`socket.io adapter: ${error.message}`);
    if (via.redisUrl) {
      const publisher = createClient({ url: via.redisUrl });
      const subscriber = publisher.duplicate();
      publisher.on('error', logError);
      subscriber.on('error', logError);
      await Promise.all([publisher.connect(), subscriber.connect()]);
      return new ClusterIoAdapter(
        app,
        createRedisAdapter(publisher, subscriber),
        async () => {
          await Promise.allSettled([publisher.quit(), subscriber.quit()]);
        },
        via.cors,
      );
    }
    // Its own small pool: one connection stays checked out to LISTEN, the other publishes.
    const pool = new Pool({ connectionString: via.databaseUrl, max: 2, application_name: 'game-session-roster-io' });
    pool.on('error', logError);
    // The listening client is checked out for good, where the pool no longer catches its errors.
    pool.on('connect', (client) => client.on('error', logError));
    // The adapter checks its listening client out in the background; wait for it, or a close that
    // comes first leaves that client checked out and the pool's end() waiting for ever.
    const listening = new Promise<void>((resolve) => pool.once('acquire', () => setImmediate(resolve)));
    const adapterFactory = createPostgresAdapter(pool, { errorHandler: logError });
    await Promise.race([listening, delay(LISTEN_TIMEOUT_MS)]);
    return new ClusterIoAdapter(app, adapterFactory, () => Promise.race([pool.end(), delay(LISTEN_TIMEOUT_MS)]), via.cors);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, cors: this.cors });
    server.adapter(this.adapterFactory);
    // socket.io keeps each connection's first HTTP request (headers, socket, parser) for its whole
    // life. Nothing here reads it: CORS is checked before this, the gateway authenticates with the
    // handshake's `auth` (from the client's CONNECT packet), so `socket.handshake.headers` stays empty.
    server.engine.on('connection', (connection: { request: unknown }) => {
      connection.request = null;
    });
    return server;
  }

  /**
   * As Nest's, but without its RxJS pipeline per socket and message that lives as long as the
   * socket: a listener per message, and the pipeline made per message received. Idle sockets are
   * most sockets (see docs/benchmarks.md, memory).
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...payload: unknown[]) => {
        const { data, ack } = this.mapPayload(payload);
        transform(callback(data, ack)).subscribe({
          next: (response) => {
            const reply = response as { event?: string; data?: unknown } | null | undefined;
            if (reply === null || reply === undefined) return;
            if (reply.event) socket.emit(reply.event, reply.data);
            else if (!isAckHandledManually && typeof ack === 'function') ack(reply);
          },
          error: (error: Error) => ClusterIoAdapter.logger.error(`${message} failed: ${error.message}`, error.stack),
        });
      });
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.release();
  }
}
