import { Injectable, Logger } from '@nestjs/common';
import { TransactionScope } from '../../../database/transaction-scope';
import { GameSessionEventPublisher } from '../../application/game-session-event-publisher.port';
import { GameSessionEvent } from '../../domain/game-session.events';

export type GameSessionEventListener = (event: GameSessionEvent) => void;

/**
 * Fans committed events out to listeners in this process (the live gateway subscribes here).
 * A failing listener is logged and never fails the request whose change has already committed.
 */
@Injectable()
export class InProcessEventPublisher extends GameSessionEventPublisher {
  private readonly logger = new Logger('GameSessionEvents');
  private readonly listeners = new Set<GameSessionEventListener>();

  constructor(private readonly transactions: TransactionScope) {
    super();
  }

  /** Called after the change's own transaction; waits further if that was part of a larger one. */
  publish(events: readonly GameSessionEvent[]): void {
    this.transactions.afterCommit(() => this.deliver(events));
  }

  private deliver(events: readonly GameSessionEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.logger.error(`A listener failed on ${event.event} #${event.seq} of ${event.sessionId}`, (error as Error).stack);
        }
      }
    }
  }

  /** @returns a function that stops listening */
  subscribe(listener: GameSessionEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
