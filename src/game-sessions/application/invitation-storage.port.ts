import { Invitation } from '../domain/invitation';

/** Where invitations live. Every method that writes does so in one transaction (or the caller's). */
export abstract class InvitationStorage {
  abstract add(invitation: Invitation): Promise<void>;

  abstract findByCode(code: string): Promise<Invitation | null>;

  /** Every invitation of the session, live or not, newest first. */
  abstract listBySession(sessionId: string): Promise<Invitation[]>;

  /**
   * Loads the invitation with its row locked (so two uses of its last seat run one after the
   * other), lets `change` act on it, and saves it. Nothing is saved when `change` throws.
   * @throws InviteNotFound when there is no such code
   */
  abstract update(code: string, change: (invitation: Invitation) => void): Promise<Invitation>;
}
