import { JoinRequest } from '../domain/join-request';

/** The join requests waiting for a Game Master; a resolved one is gone. Writes join the caller's transaction. */
export abstract class JoinRequestStorage {
  /** @throws JoinRequestPending when one of the user's is waiting already */
  abstract add(request: JoinRequest): Promise<void>;

  /** The session's waiting requests, oldest first. */
  abstract listBySession(sessionId: string): Promise<JoinRequest[]>;

  /**
   * Takes the user's waiting request off the queue and gives it back, with its row locked until
   * the transaction ends: of an approval and a withdrawal at once, one finds it, the other nothing.
   */
  abstract take(sessionId: string, userId: string): Promise<JoinRequest | null>;
}
