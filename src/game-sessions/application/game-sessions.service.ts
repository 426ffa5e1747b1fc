import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GameSession } from '../domain/game-session';
import { departureOf } from '../domain/departure';
import { DepartedFromSession, GameSessionNotFound, StaleSession } from '../domain/game-session.errors';
import { GameSessionEvent } from '../domain/game-session.events';
import { GameSessionStatus } from '../domain/game-session-status';
import { DisplayName, nameFromToken } from '../domain/participant';
import { PlayerType } from '../domain/player-type';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import { GameSessionStorage } from './game-session-storage.port';

/** Versions the caller believes current (If-Match); the change happens only if one of them is. */
export type ExpectedVersions = readonly number[] | undefined;

export interface EventPage {
  readonly afterSeq: number;
  readonly limit: number;
}

/** The use cases of the roster: load, let the aggregate decide, persist, then publish. */
@Injectable()
export class GameSessionsService {
  constructor(
    private readonly storage: GameSessionStorage,
    private readonly publisher: GameSessionEventPublisher,
    private readonly clock: Clock,
  ) {}

  /** `ownerTokenName`: the creator's token `name`, which names the Master's seat when the rules accept it. */
  async createSession(title: string, ownerId: string, ownerTokenName?: string): Promise<GameSession> {
    const session = GameSession.create({ id: randomUUID(), title, ownerId, ownerName: nameFromToken(ownerTokenName), now: this.clock.now() });
    await this.storage.add(session);
    this.publisher.publish(session.pullDomainEvents());
    return session;
  }

  /**
   * Only current participants see a session; to anyone else it does not exist. Someone who was
   * seated and is no longer is told, in that same 404, how their latest seat ended.
   */
  async getSession(sessionId: string, requestingUserId: string): Promise<GameSession> {
    const session = await this.storage.findById(sessionId);
    if (session?.isParticipant(requestingUserId)) return session;
    const departure = session && (await this.storage.latestDeparture(sessionId, requestingUserId));
    if (departure) throw new DepartedFromSession(departureOf(departure, session.state.players));
    throw new GameSessionNotFound();
  }

  listSessionsOf(userId: string): Promise<GameSession[]> {
    return this.storage.findByParticipant(userId);
  }

  async listEvents(sessionId: string, requestingUserId: string, page: EventPage): Promise<GameSessionEvent[]> {
    await this.getSession(sessionId, requestingUserId);
    return this.storage.listEvents(sessionId, page.afterSeq, page.limit);
  }

  addParticipant(
    sessionId: string,
    userId: string,
    type: PlayerType,
    requestingUserId: string,
    expected?: ExpectedVersions,
    displayName: DisplayName = null,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.addParticipant(userId, type, requestingUserId, now, displayName));
  }

  /** The participant themselves or the Game Master; null clears the name. */
  renameParticipant(
    sessionId: string,
    userId: string,
    displayName: DisplayName,
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.renameParticipant(userId, displayName, requestingUserId, now));
  }

  changeStatus(
    sessionId: string,
    status: GameSessionStatus,
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.changeStatus(status, requestingUserId, now));
  }

  /** Removal by the Game Master, or leaving when `userId` is the requester. */
  removeParticipant(
    sessionId: string,
    userId: string,
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.removeParticipant(userId, requestingUserId, now));
  }

  private async mutate(
    sessionId: string,
    expected: ExpectedVersions,
    change: (session: GameSession, now: Date) => void,
  ): Promise<GameSession> {
    const session = await this.storage.update(sessionId, (s) => {
      const version = s.version;
      // The time is read once the session is locked, so that occurredAt grows with seq.
      change(s, this.clock.now());
      // Checked last, as HTTP wants: a request that would fail anyway answers its own error, not 412.
      if (expected && !expected.includes(version)) throw new StaleSession(version);
    });
    this.publisher.publish(session.pullDomainEvents());
    return session;
  }
}
