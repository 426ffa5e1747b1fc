import { InviteExpired, InviteNotFound, InviteUsedUp } from './game-session.errors';
import { PlayerType } from './player-type';

export const INVITE_MAX_USES = 1000;
export const INVITE_MIN_SECONDS = 60;
export const INVITE_MAX_SECONDS = 2_592_000;
export const INVITE_DEFAULT_SECONDS = 604_800;

/** The parts an invitation may seat someone in: anything but the Master. */
export type InvitedType = Exclude<PlayerType, PlayerType.Master>;

export interface InvitationState {
  /** Unguessable and URL-safe: whoever holds it may see what it opens, and join. */
  readonly code: string;
  readonly sessionId: string;
  readonly type: InvitedType;
  /** null: unlimited. */
  readonly maxUses: number | null;
  readonly uses: number;
  readonly expiresAt: Date;
  /** Joining asks the Game Master first. */
  readonly approval: boolean;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly revokedAt: Date | null;
}

/** A link the Game Master hands out: it seats whoever follows it, until revoked, expired or used up. */
export class Invitation {
  private constructor(private current: InvitationState) {}

  static issue(params: Omit<InvitationState, 'uses' | 'revokedAt' | 'expiresAt'> & { readonly expiresInSeconds: number }): Invitation {
    const { expiresInSeconds, ...rest } = params;
    return new Invitation({ ...rest, uses: 0, revokedAt: null, expiresAt: new Date(params.createdAt.getTime() + expiresInSeconds * 1000) });
  }

  static restore(state: InvitationState): Invitation {
    return new Invitation({ ...state });
  }

  get state(): InvitationState {
    return { ...this.current };
  }

  /** Not revoked, not expired, not used up. */
  isLive(now: Date): boolean {
    return this.refusal(now) === undefined;
  }

  /** @throws InviteNotFound (revoked), InviteExpired, InviteUsedUp */
  ensureUsable(now: Date): void {
    const refusal = this.refusal(now);
    if (refusal) throw refusal;
  }

  /** One seat (or one request) more, on an invitation that was usable. */
  countUse(now: Date): void {
    this.ensureUsable(now);
    this.current = { ...this.current, uses: this.current.uses + 1 };
  }

  revoke(now: Date): void {
    if (this.current.revokedAt !== null) throw new InviteNotFound();
    this.current = { ...this.current, revokedAt: now };
  }

  private refusal(now: Date): Error | undefined {
    const { revokedAt, expiresAt, maxUses, uses } = this.current;
    if (revokedAt !== null) return new InviteNotFound();
    if (now >= expiresAt) return new InviteExpired();
    if (maxUses !== null && uses >= maxUses) return new InviteUsedUp();
    return undefined;
  }
}
