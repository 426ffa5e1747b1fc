import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { Client, ClientConfig } from 'pg';
import { ClusterLink, reconnectDelay } from './cluster-link';

/** A silently dead connection (no RST) is noticed within CHECK_EVERY_MS + ANSWER_WITHIN_MS. */
const CHECK_EVERY_MS = 3000;
const ANSWER_WITHIN_MS = 2000;

/** TCP keepalive and timeouts for every connection of the adapter, listening or publishing. */
export const ADAPTER_CONNECTION = {
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
  connectionTimeoutMillis: 2000,
  query_timeout: ANSWER_WITHIN_MS,
} satisfies ClientConfig;

interface Open {
  readonly client: Client;
  readonly socket: Socket;
  listening: boolean;
  check?: NodeJS.Timeout;
}

/**
 * What @socket.io/postgres-adapter gets as its listening client: a connection of its own (not
 * one of the publishing pool), made again at once when it dies, with its LISTENs. The adapter
 * never sees it end: its own reconnection waits 1–3 s and leaves the dead client checked out.
 */
export class ListeningConnection extends EventEmitter {
  private open?: Open;
  /** The LISTEN statements the adapter sent, replayed on every new connection. */
  private readonly listens: string[] = [];
  private retries = 0;
  private retry?: NodeJS.Timeout;
  private closed = false;
  private markListening!: () => void;
  /** Resolves once it first listens. */
  readonly listening = new Promise<void>((resolve) => (this.markListening = resolve));

  constructor(
    private readonly config: ClientConfig,
    private readonly link: ClusterLink,
  ) {
    super();
    void this.connect();
  }

  query(sql: string): Promise<unknown> {
    if (!this.listens.includes(sql)) this.listens.push(sql);
    const open = this.open;
    if (!open?.listening) return Promise.resolve();
    return open.client.query(sql).catch((error: Error) => this.drop(open, error.message));
  }

  /** For good: the adapter closes, or the application. */
  release(): void {
    this.closed = true;
    clearTimeout(this.retry);
    if (this.open) this.end(this.open);
  }

  private async connect(): Promise<void> {
    const socket = new Socket();
    const open: Open = { client: new Client({ ...this.config, ...ADAPTER_CONNECTION, stream: () => socket }), socket, listening: false };
    this.open = open;
    open.client.on('error', (error: Error) => this.drop(open, error.message));
    open.client.on('end', () => this.drop(open, 'connection closed'));
    open.client.on('notification', (message) => this.emit('notification', message));
    try {
      await open.client.connect();
      for (const sql of this.listens) await open.client.query(sql);
    } catch (error) {
      this.drop(open, (error as Error).message);
      return;
    }
    if (this.open !== open) return;
    open.listening = true;
    this.retries = 0;
    this.scheduleCheck(open);
    this.markListening();
    this.link.restored();
  }

  /**
   * Re-sends a LISTEN (a no-op for a channel already listened to), so that the connection still
   * shows as LISTEN in pg_stat_activity; no answer in time means it is gone.
   */
  private scheduleCheck(open: Open): void {
    open.check = setTimeout(() => {
      open.client.query(this.listens.at(-1) ?? 'SELECT 1').then(
        () => this.scheduleCheck(open),
        (error: Error) => this.drop(open, error.message),
      );
    }, CHECK_EVERY_MS).unref();
  }

  private drop(open: Open, reason: string): void {
    if (this.open !== open || this.closed) return;
    this.open = undefined;
    this.end(open);
    this.link.lost(reason);
    this.retry = setTimeout(() => void this.connect(), reconnectDelay(this.retries++)).unref();
  }

  /** Destroys the socket rather than saying goodbye: a connection cut silently would never answer. */
  private end(open: Open): void {
    clearTimeout(open.check);
    open.client.removeAllListeners('notification');
    open.socket.destroy();
  }
}
