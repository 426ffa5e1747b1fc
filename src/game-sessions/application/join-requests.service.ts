import { Injectable } from '@nestjs/common';
import { GameSession } from '../domain/game-session';
import { JoinRequestNotFound, NotTheRequester } from '../domain/game-session.errors';
import type { JoinRequest } from '../domain/join-request';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import { GameSessionStorage, existingSession } from './game-session-storage.port';
import { toJoinRequestNotice } from './game-session.views';
import { JoinRequestNotices } from './join-request-notices.port';
import { JoinRequestStorage } from './join-request-storage.port';
import { UnitOfWork } from './unit-of-work.port';

/** The Game Master's waiting room: approve (seat), deny; the requester may withdraw. */
@Injectable()
export class JoinRequestsService {
  constructor(
    private readonly sessions: GameSessionStorage,
    private readonly requests: JoinRequestStorage,
    private readonly notices: JoinRequestNotices,
    private readonly unitOfWork: UnitOfWork,
    private readonly publisher: GameSessionEventPublisher,
    private readonly clock: Clock,
  ) {}

  async list(sessionId: string, requestingUserId: string): Promise<JoinRequest[]> {
    (await existingSession(this.sessions, sessionId)).ensureCanAnswerJoinRequests(requestingUserId);
    return this.requests.listBySession(sessionId);
  }

  /** Seats the requester as they asked, in one transaction with taking the request off the queue. */
  async approve(sessionId: string, userId: string, requestingUserId: string): Promise<GameSession> {
    const seated = await this.unitOfWork.run(async () => {
      const session = await existingSession(this.sessions, sessionId);
      session.ensureCanAnswerJoinRequests(requestingUserId);
      const request = await this.taken(sessionId, userId);
      const updated = await this.sessions.update(sessionId, (s) => s.admit(userId, request.type, request.displayName, this.clock.now(), 'gameMaster'));
      this.notices.tell(session.ownerId, toJoinRequestNotice('JoinRequestApproved', request));
      return updated;
    });
    this.publisher.publish(seated.pullDomainEvents());
    return seated;
  }

  async deny(sessionId: string, userId: string, requestingUserId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      const session = await existingSession(this.sessions, sessionId);
      session.ensureCanAnswerJoinRequests(requestingUserId);
      this.notices.tell(session.ownerId, toJoinRequestNotice('JoinRequestDenied', await this.taken(sessionId, userId)));
    });
  }

  async withdraw(sessionId: string, userId: string, requestingUserId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      const session = await existingSession(this.sessions, sessionId);
      if (userId !== requestingUserId) throw new NotTheRequester();
      this.notices.tell(session.ownerId, toJoinRequestNotice('JoinRequestWithdrawn', await this.taken(sessionId, userId)));
    });
  }

  private async taken(sessionId: string, userId: string): Promise<JoinRequest> {
    const request = await this.requests.take(sessionId, userId);
    if (!request) throw new JoinRequestNotFound();
    return request;
  }
}
