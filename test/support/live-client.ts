import { Socket, io } from 'socket.io-client';
import { tokenFor } from './tokens';

export interface Received {
  readonly name: string;
  readonly payload: any;
}

const connect = (url: string, token: string | undefined): Socket =>
  io(`${url}/game-sessions`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });

/** The reason a connection is refused (connect_error), or a failure if it is accepted. */
export function refusalOf(url: string, token?: string): Promise<string> {
  const socket = connect(url, token);
  return new Promise((resolve, reject) => {
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.on('connect', () => {
      socket.close();
      reject(new Error('the connection was accepted'));
    });
  });
}

/** News beside a session's events (a seat somewhere, who is online): kept apart, so that what a test hears of its sessions is not mixed with it. */
const BESIDE_THE_SESSION = new Set(['AddedToSession', 'PresenceChanged']);

/** A live game client as a player's tab runs it: a real socket.io client that records all it hears. */
export class LiveClient {
  /** Everything heard, in arrival order. */
  readonly heard: Received[] = [];
  private readonly waiters = new Set<() => void>();

  /** What it heard of sessions (their events, RemovedFromSession, notices): all but AddedToSession and PresenceChanged. */
  get received(): Received[] {
    return this.heard.filter((r) => !BESIDE_THE_SESSION.has(r.name));
  }

  private constructor(
    readonly socket: Socket,
    readonly userId: string,
  ) {
    socket.onAny((name: string, payload: unknown) => {
      this.heard.push({ name, payload });
      for (const wake of this.waiters) wake();
    });
  }

  static connect(url: string, userId: string, token = tokenFor(userId)): Promise<LiveClient> {
    const socket = connect(url, token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new LiveClient(socket, userId)));
      socket.once('connect_error', reject);
    });
  }

  subscribe(sessionId: string, afterSeq?: number): Promise<any> {
    return this.socket.emitWithAck('session:subscribe', afterSeq === undefined ? { sessionId } : { sessionId, afterSeq });
  }

  unsubscribe(sessionId: string): Promise<any> {
    return this.socket.emitWithAck('session:unsubscribe', { sessionId });
  }

  named(name: string): any[] {
    return this.heard.filter((r) => r.name === name).map((r) => r.payload);
  }

  /** Resolves with the first recorded message that matches, waiting for it if need be. */
  waitFor(predicate: (r: Received) => boolean, timeoutMs = 5000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.heard.find(predicate);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(this.heard.map((r) => r.name))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  waitForEvent(name: string, seq: number): Promise<Received> {
    return this.waitFor((r) => r.name === name && r.payload?.seq === seq);
  }

  close(): void {
    this.socket.close();
  }
}

/** For a test file: `live(url, userId)` connects a client, and every client is closed after each test. */
export function useLiveClients(): (url: string, userId: string) => Promise<LiveClient> {
  const clients: LiveClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  return async (url, userId) => {
    const client = await LiveClient.connect(url, userId);
    clients.push(client);
    return client;
  };
}

/** Lets in-flight messages land before asserting that something did not arrive. */
export const settle = (ms = 250): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
