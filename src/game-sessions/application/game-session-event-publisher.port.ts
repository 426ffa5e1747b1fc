import { GameSessionEvent } from '../domain/game-session.events';

/** Hands committed events to whoever listens live. Called only after the transaction committed. */
export abstract class GameSessionEventPublisher {
  abstract publish(events: readonly GameSessionEvent[]): void;
}
