import { GameSession } from '../domain/game-session';
import { GameSessionNotFound } from '../domain/game-session.errors';
import { GameSessionEvent } from '../domain/game-session.events';

/**
 * Where game sessions and their event logs live. An abstract class so that it is its own
 * injection token. Every method that writes does so in one transaction.
 */
export abstract class GameSessionStorage {
  /** Saves a new session with its roster and first events. */
  abstract add(session: GameSession): Promise<void>;

  /** The session with its seats and former seats: everything its rules need. */
  abstract findById(id: string): Promise<GameSession | null>;

  /** The session's title alone, or null when there is no such session: what a notice names it by. */
  abstract titleOf(id: string): Promise<string | null>;

  /** Sessions in which the user is a current participant, newest first; read for their views (no former seats). */
  abstract findByParticipant(userId: string): Promise<GameSession[]>;

  /**
   * Loads the session with its row locked, lets `change` act on it, then saves the new state and
   * the events it recorded, all in one transaction. Nothing is saved when `change` throws.
   * @throws GameSessionNotFound
   */
  abstract update(id: string, change: (session: GameSession) => void): Promise<GameSession>;

  /** The session's log in ascending seq, starting after `afterSeq`. */
  abstract listEvents(sessionId: string, afterSeq: number, limit: number): Promise<GameSessionEvent[]>;
}

/** The session, read as it is now. @throws GameSessionNotFound */
export async function existingSession(storage: GameSessionStorage, id: string): Promise<GameSession> {
  const session = await storage.findById(id);
  if (!session) throw new GameSessionNotFound();
  return session;
}
