import { Logger } from '@nestjs/common';
import { Client, Pool, PoolClient } from 'pg';
import { AfterQueryEvent, EntitySubscriberInterface } from 'typeorm';
import { describeUnavailable, provesConnectionDead } from './database-unavailable';

const PROBE_EVERY_MS = 500;

/**
 * Keeps the pool honest through faults pg does not notice by itself (a black-holed network never
 * errors, queries only time out): a connection that proves dead is destroyed, never reused, and
 * the idle ones made before it go too, so the next request gets a fresh one. While the database
 * does not answer it probes with fresh connections, and it logs one line when the database stops
 * answering and one when it answers again.
 */
export class PoolHealth implements EntitySubscriberInterface {
  private readonly logger = new Logger('Database');
  private readonly born = new WeakMap<PoolClient, number>();
  private readonly idle = new Set<PoolClient>();
  private downSince: number | undefined;
  private recoveredAt = 0;
  private probeTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly pool: Pool) {
    pool.on('connect', (client) => {
      this.born.set(client, Date.now());
      // Always heard: pg-pool and TypeORM each listen only while the client is theirs, and an error
      // read in the same chunk as the connection's first ReadyForQuery falls between them (a crash).
      client.on('error', (error) => this.connectionFailed(error, client));
    });
    pool.on('acquire', (client) => this.idle.delete(client));
    pool.on('release', (error, client) => error || this.idle.add(client));
    pool.on('remove', (client) => this.idle.delete(client));
  }

  get answering(): boolean {
    return this.downSince === undefined;
  }

  /** TypeORM calls this after every query, on whichever connection ran it. */
  async afterQuery(event: AfterQueryEvent): Promise<void> {
    if (event.success) this.answered();
    else if (provesConnectionDead(event.error)) this.connectionFailed(event.error, (await event.queryRunner.connect()) as PoolClient);
  }

  /** A connection failed (in use, or idle in the pool): it and the idle ones made before it go. */
  connectionFailed(error: unknown, client?: PoolClient): void {
    const bornAt = (client && this.born.get(client)) ?? Date.now();
    if (client) destroy(client);
    this.evictIdleBornBy(bornAt);
    if (this.downSince !== undefined || this.leftoverOfLastOutage(bornAt)) return;
    this.downSince = Date.now();
    this.logger.warn(`PostgreSQL stopped answering (${describeUnavailable(error)}); requests answer 503 until it answers again`);
    this.scheduleProbe();
  }

  /**
   * Readiness: the pool answers within `budgetMs`; while the database is marked away, a fresh
   * connection must answer instead (and its answer heals the pool).
   */
  async ready(budgetMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), budgetMs);
    });
    try {
      await Promise.race([this.answering ? this.pool.query('SELECT 1') : this.probe(budgetMs), timeout]);
      return true;
    } catch (error) {
      if (provesConnectionDead(error)) this.connectionFailed(error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.probeTimer);
  }

  private answered(): void {
    if (this.downSince === undefined) return;
    const downFor = Date.now() - this.downSince;
    // Whatever sat idle since before the fault may be dead without knowing it.
    this.evictIdleBornBy(this.downSince);
    this.downSince = undefined;
    this.recoveredAt = Date.now();
    clearTimeout(this.probeTimer);
    this.logger.log(`PostgreSQL answers again (it did not for ${(downFor / 1000).toFixed(1)} s)`);
  }

  /**
   * A query sent before the recovery on a connection made before it can still time out for a
   * while after: the outage already reported, not a new one.
   */
  private leftoverOfLastOutage(bornAt: number): boolean {
    return bornAt <= this.recoveredAt && Date.now() - this.recoveredAt <= Number(this.pool.options.query_timeout ?? 0);
  }

  /** One query on a connection of its own, outside the pool: the truth about reaching the database now. */
  private async probe(timeoutMs: number): Promise<void> {
    const client = new Client({ ...this.pool.options, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      this.answered();
    } finally {
      void client.end().catch(() => undefined);
    }
  }

  private scheduleProbe(): void {
    if (this.stopped) return;
    this.probeTimer = setTimeout(() => {
      this.probe(PROBE_EVERY_MS * 2).catch(() => (this.answering ? undefined : this.scheduleProbe()));
    }, PROBE_EVERY_MS);
    this.probeTimer.unref();
  }

  private evictIdleBornBy(moment: number): void {
    for (const client of this.idle) {
      if ((this.born.get(client) ?? 0) > moment) continue;
      this.idle.delete(client);
      destroy(client);
    }
  }
}

/**
 * Closes the socket at once: pg then errors the client, and both pg's pool (for an idle one) and
 * TypeORM's query runner (for one in use) release it with that error, which takes it out of the pool.
 */
function destroy(client: PoolClient): void {
  client.connection.stream.destroy();
}
