import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import { Observable } from 'rxjs';
import { Namespace, Server, ServerOptions, Socket } from 'socket.io';
import { ClusterLink, bindClusterLink, reconnectDelay } from './cluster-link';
import { ADAPTER_CONNECTION, ListeningConnection } from './listening-connection';

const LISTEN_TIMEOUT_MS = 5000;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type AdapterFactory = (nsp: Namespace) => Namespace['adapter'];

/**
 * The factory, with each namespace's adapter tied to the link it hears the others through, and
 * `then` run on it. A function, not an arrow: socket.io calls it with `new`.
 */
const withLink = (factory: AdapterFactory, link: ClusterLink, then: (adapter: Namespace['adapter']) => void = () => undefined) =>
  function (nsp: Namespace) {
    const adapter = factory(nsp);
    bindClusterLink(adapter, link);
    then(adapter);
    return adapter;
  } as AdapterFactory;

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
      const link = new ClusterLink('Redis subscription', 'subscribed');
      // Named by process, so that an operator (or a test) can tell the instances' connections apart.
      const publisher = createClient({
        url: via.redisUrl,
        name: `game-session-roster-${process.pid}`,
        socket: { reconnectStrategy: reconnectDelay },
      });
      const subscriber = publisher.duplicate();
      publisher.on('error', logError);
      // The adapter publishes without awaiting: a publish that fails (the client closed at shutdown,
      // Redis away) must be logged, not left as an unhandled rejection that ends the process.
      const publish = publisher.publish.bind(publisher);
      const published = (...args: Parameters<typeof publish>) => {
        const sent = publish(...args);
        sent.catch(logError);
        return sent;
      };
      Object.assign(publisher, { publish: published });
      subscriber.on('error', (error: Error) => link.lost(error.message));
      // 'ready' comes once the subscriptions are made again.
      subscriber.on('ready', () => link.restored());
      await Promise.all([publisher.connect(), subscriber.connect()]);
      return new ClusterIoAdapter(
        app,
        withLink(createRedisAdapter(publisher, subscriber), link),
        async () => {
          await Promise.allSettled([publisher.quit(), subscriber.quit()]);
        },
        via.cors,
      );
    }
    const link = new ClusterLink('LISTEN connection', 'listening');
    const listening = new ListeningConnection({ connectionString: via.databaseUrl, application_name: 'game-session-roster-listen' }, link);
    // Publishing only, so it never waits for ever: a connection is given within its connect timeout or the publish fails.
    const pool = new Pool({ connectionString: via.databaseUrl, max: 2, application_name: 'game-session-roster-io', ...ADAPTER_CONNECTION });
    pool.on('error', logError);
    // The adapter asks its "pool" for the listening client and publishes through pool.query.
    // Publishes still waiting for a connection are awaited before the pool ends (pg's end() leaves
    // them waiting for ever): a change committed during the drain still reaches the other instances.
    const publishing = new Set<Promise<unknown>>();
    const publish = (...args: Parameters<Pool['query']>) => {
      const sent = (pool.query as (...a: unknown[]) => Promise<unknown>)(...args);
      publishing.add(sent);
      void sent.catch(() => undefined).finally(() => publishing.delete(sent));
      return sent;
    };
    const adapterPool = { connect: async () => listening, query: publish } as unknown as Pool;
    const adapterFactory = createPostgresAdapter(adapterPool, { errorHandler: logError });
    await Promise.race([listening.listening, delay(LISTEN_TIMEOUT_MS)]);
    // Back after a break, an instance announces itself again: the others answer, so each knows the others at once.
    const announcing = withLink(adapterFactory, link, (adapter) => link.onRestored(() => void adapter.init()));
    return new ClusterIoAdapter(
      app,
      announcing,
      async () => {
        await Promise.allSettled([...publishing]);
        listening.release();
        await pool.end();
      },
      via.cors,
    );
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
