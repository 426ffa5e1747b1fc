import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GameSession } from '../domain/game-session';
import { InviteNotFound } from '../domain/game-session.errors';
import { INVITE_DEFAULT_SECONDS, Invitation, InvitedType } from '../domain/invitation';
import type { JoinRequest } from '../domain/join-request';
import { DisplayName, nameFromToken } from '../domain/participant';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import { GameSessionStorage, existingSession } from './game-session-storage.port';
import { toJoinRequestNotice } from './game-session.views';
import { InvitationStorage } from './invitation-storage.port';
import { JoinRequestNotices } from './join-request-notices.port';
import { JoinRequestStorage } from './join-request-storage.port';
import { UnitOfWork } from './unit-of-work.port';

/** 24 random bytes: 192 bits, 32 URL-safe characters. */
const CODE_BYTES = 24;

export interface InvitationTerms {
  readonly type: InvitedType;
  readonly maxUses?: number;
  readonly expiresInSeconds?: number;
  readonly approval?: boolean;
}

/** What following an invitation did: a seat, or a request waiting for the Game Master. */
export type Admission = { readonly seated: GameSession } | { readonly filed: JoinRequest };

/** What an invitation opens, as whoever holds its code may see it. */
export interface InvitationPreview {
  readonly invitation: Invitation;
  readonly session: GameSession;
}

/** Invitation links: the Game Master hands them out; whoever follows one takes a seat. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly sessions: GameSessionStorage,
    private readonly invitations: InvitationStorage,
    private readonly joinRequests: JoinRequestStorage,
    private readonly notices: JoinRequestNotices,
    private readonly unitOfWork: UnitOfWork,
    private readonly publisher: GameSessionEventPublisher,
    private readonly clock: Clock,
  ) {}

  async create(sessionId: string, requestingUserId: string, terms: InvitationTerms): Promise<Invitation> {
    (await existingSession(this.sessions, sessionId)).ensureCanInvite(requestingUserId);
    const invitation = Invitation.issue({
      code: randomBytes(CODE_BYTES).toString('base64url'),
      sessionId,
      type: terms.type,
      maxUses: terms.maxUses ?? null,
      expiresInSeconds: terms.expiresInSeconds ?? INVITE_DEFAULT_SECONDS,
      approval: terms.approval ?? false,
      createdAt: this.clock.now(),
      createdBy: requestingUserId,
    });
    await this.invitations.add(invitation);
    return invitation;
  }

  /** The live ones: not revoked, not expired, not used up. */
  async list(sessionId: string, requestingUserId: string): Promise<Invitation[]> {
    (await existingSession(this.sessions, sessionId)).ensureCanInvite(requestingUserId);
    const now = this.clock.now();
    return (await this.invitations.listBySession(sessionId)).filter((invitation) => invitation.isLive(now));
  }

  async revoke(sessionId: string, code: string, requestingUserId: string): Promise<void> {
    (await existingSession(this.sessions, sessionId)).ensureCanInvite(requestingUserId);
    await this.invitations.update(code, (invitation) => {
      if (invitation.state.sessionId !== sessionId) throw new InviteNotFound();
      invitation.revoke(this.clock.now());
    });
  }

  /** Anyone signed in who holds the code; a dead code answers as accepting it would. */
  async preview(code: string): Promise<InvitationPreview> {
    const invitation = await this.invitations.findByCode(code);
    if (!invitation) throw new InviteNotFound();
    invitation.ensureUsable(this.clock.now());
    const session = await this.sessions.findById(invitation.state.sessionId);
    if (!session) throw new InviteNotFound();
    return { invitation, session };
  }

  /**
   * Seats the caller with the invitation's type, under the name they give (else their token's),
   * or, where the invitation asks the Game Master first, files their request; either counts one
   * use, in the same transaction: of two callers racing for the last use, one wins.
   */
  async accept(code: string, userId: string, displayName: DisplayName | undefined, tokenName: string | undefined): Promise<Admission> {
    const name = displayName ?? nameFromToken(tokenName);
    const admission = await this.unitOfWork.run(async (): Promise<Admission> => {
      const invitation = await this.invitations.update(code, (i) => i.countUse(this.clock.now()));
      const { sessionId, type, approval } = invitation.state;
      if (!approval) return { seated: await this.sessions.update(sessionId, (s) => s.admit(userId, type, name, this.clock.now(), 'user')) };
      const session = await this.sessions.findById(sessionId);
      if (!session) throw new InviteNotFound();
      session.ensureCanTakeSeat(userId, this.clock.now(), 'user');
      const request: JoinRequest = { sessionId, userId, displayName: name, type, requestedAt: this.clock.now() };
      await this.joinRequests.add(request);
      this.notices.tell(session.ownerId, toJoinRequestNotice('JoinRequested', request));
      return { filed: request };
    });
    if ('seated' in admission) this.publisher.publish(admission.seated.pullDomainEvents());
    return admission;
  }

}
