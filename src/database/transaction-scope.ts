import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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
    const result = await this.dataSource.transaction((manager) => this.scopes.run({ manager, afterCommit }, () => work(manager)));
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
