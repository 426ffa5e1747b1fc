import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { provesConnectionDead } from './database-unavailable';

interface Scope {
  readonly manager: EntityManager;
  readonly afterCommit: (() => void)[];
}

/**
 * One transaction around work that spans layers (a change and its idempotency record), carried by
 * AsyncLocalStorage: storage joins it instead of opening its own, and whatever must wait for the
 * commit (publishing events) is deferred until the outermost transaction has committed.
 */
@Injectable()
export class TransactionScope {
  private readonly scopes = new AsyncLocalStorage<Scope>();

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in the current transaction, or in a new one that commits when it returns. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.scopes.getStore();
    if (current) return work(current.manager);
    const afterCommit: (() => void)[] = [];
    const { runner, connection, failure } = await this.begin();
    let result: T;
    try {
      result = await this.scopes.run({ manager: runner.manager, afterCommit }, () => work(runner.manager));
      await runner.commitTransaction();
    } catch (error) {
      await rollBackIfItCan(runner);
      // TypeORM's own wrapper throws the rollback's error over this one, which hides the cause.
      throw failure.cause ?? error;
    } finally {
      connection.removeListener('error', failure.remember);
      await runner.release();
    }
    for (const action of afterCommit) action();
    return result;
  }

  /**
   * A transaction begun on a connection of its own. A pooled connection that proves dead before the
   * transaction began (the database dropped it while idle) has done nothing: a fresh one is taken, once.
   */
  private async begin(): Promise<{ runner: QueryRunner; connection: EventEmitter; failure: ConnectionFailure }> {
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      const failure = new ConnectionFailure();
      let connection: EventEmitter | undefined;
      try {
        connection = (await runner.connect()) as EventEmitter;
        connection.on('error', failure.remember);
        await runner.startTransaction();
        return { runner, connection, failure };
      } catch (error) {
        connection?.removeListener('error', failure.remember);
        await runner.release();
        const cause = failure.cause ?? error;
        // Not when no connection came: waiting for a second would only double the wait of an outage.
        if (attempt > 1 || !connection || !provesConnectionDead(cause)) throw cause;
      }
    }
  }

  /** Runs `action` once the enclosing transaction has committed; at once outside any. */
  afterCommit(action: () => void): void {
    const current = this.scopes.getStore();
    if (current) current.afterCommit.push(action);
    else action();
  }
}

/**
 * When the connection dies, TypeORM releases the runner at once, and whatever the work does next
 * fails with "already released": the connection's own error, kept here, says what happened.
 */
class ConnectionFailure {
  cause: unknown;
  readonly remember = (error: unknown): void => {
    this.cause ??= error;
  };
}

/**
 * A connection that died took its transaction with it (PostgreSQL rolls back what it never saw
 * committed), so a rollback that cannot run loses nothing.
 */
async function rollBackIfItCan(runner: QueryRunner): Promise<void> {
  if (!runner.isTransactionActive || runner.isReleased) return;
  await runner.rollbackTransaction().catch(() => undefined);
}
