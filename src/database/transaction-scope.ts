import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

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
    const runner = this.dataSource.createQueryRunner();
    // When the connection dies, TypeORM releases the runner at once, and whatever the work does
    // next fails with "already released": the connection's own error says what happened.
    let connectionError: unknown;
    const remember = (error: unknown) => (connectionError ??= error);
    let connection: EventEmitter | undefined;
    let result: T;
    try {
      connection = (await runner.connect()) as EventEmitter;
      connection.on('error', remember);
      await runner.startTransaction();
      result = await this.scopes.run({ manager: runner.manager, afterCommit }, () => work(runner.manager));
      await runner.commitTransaction();
    } catch (error) {
      await rollBackIfItCan(runner);
      // TypeORM's own wrapper throws the rollback's error over this one, which hides the cause.
      throw connectionError ?? error;
    } finally {
      connection?.removeListener('error', remember);
      await runner.release();
    }
    for (const action of afterCommit) action();
    return result;
  }

  /** Runs `action` once the enclosing transaction has committed; at once outside any. */
  afterCommit(action: () => void): void {
    const current = this.scopes.getStore();
    if (current) current.afterCommit.push(action);
    else action();
  }
}

/**
 * A connection that died took its transaction with it (PostgreSQL rolls back what it never saw
 * committed), so a rollback that cannot run loses nothing.
 */
async function rollBackIfItCan(runner: QueryRunner): Promise<void> {
  if (!runner.isTransactionActive || runner.isReleased) return;
  await runner.rollbackTransaction().catch(() => undefined);
}
