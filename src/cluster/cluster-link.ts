import { Logger } from '@nestjs/common';

/** After a break, heartbeats were missed: for this long an instance does not trust that it is alone. */
const DOUBT_MS = 10 * 60_000;
const FIRST_RETRY_MS = 100;
/** Retries stay this close together, so the link is back within about a second of its server. */
const LONGEST_RETRY_MS = 1000;

/** Exponential backoff with jitter: 50–100 ms first, never more than a second. */
export const reconnectDelay = (retries: number): number => {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** retries);
  return Math.round(ceiling * (0.5 + Math.random() / 2));
};

/**
 * The link through which this instance hears the others (the adapter's LISTEN connection or Redis
 * subscription): it says when it breaks and when it is back, so that what went by meanwhile is
 * read again from the log, and whether the others may be listening.
 */
export class ClusterLink {
  private static readonly logger = new Logger('ClusterIoAdapter');
  private lostAt: number | undefined;
  /** Until then, an adapter that counts no other instance is not believed. */
  private doubtAloneUntil = -Infinity;
  private readonly restoredListeners = new Set<() => void>();

  /** `link` names it in the log ("LISTEN connection"), `backAs` says what it does once back ("listening"). */
  constructor(
    private readonly link: string,
    private readonly backAs: string,
  ) {}

  lost(reason: string): void {
    if (this.lostAt !== undefined) return;
    this.lostAt = Date.now();
    ClusterLink.logger.warn(`socket.io adapter: ${this.link} lost (${reason}); reconnecting`);
  }

  /** Back after a loss (the first connection is no news). */
  restored(): void {
    if (this.lostAt === undefined) return;
    const downMs = Date.now() - this.lostAt;
    this.lostAt = undefined;
    this.doubtAloneUntil = Date.now() + DOUBT_MS;
    ClusterLink.logger.log(`socket.io adapter: ${this.backAs} again after ${downMs} ms`);
    for (const listener of this.restoredListeners) listener();
  }

  onRestored(listener: () => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  /**
   * Whether a committed event must go to the other instances. The adapter counts them from
   * heartbeats, which a broken link loses too: an instance keeps sending while its link is down
   * or was lately, and for a while after it last saw another, so that only one that has been alone
   * for long, with its link whole, saves the message.
   */
  othersMayListen(serverCount: number): boolean {
    const now = Date.now();
    if (serverCount > 1) this.doubtAloneUntil = now + DOUBT_MS;
    return this.lostAt !== undefined || now < this.doubtAloneUntil;
  }
}

const links = new WeakMap<object, ClusterLink>();

/** Ties a namespace's socket.io adapter to the link it hears the others through. */
export const bindClusterLink = (adapter: object, link: ClusterLink): void => void links.set(adapter, link);

/** The link behind a namespace's adapter; none for socket.io's in-memory adapter. */
export const clusterLinkOf = (adapter: object): ClusterLink | undefined => links.get(adapter);
