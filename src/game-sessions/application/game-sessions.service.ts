import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GameSession, RemovalOutcome } from '../domain/game-session';
import { FormerSeat, departureOf } from '../domain/departure';
import { DepartedFromSession, GameSessionNotFound, StaleSession } from '../domain/game-session.errors';
import { Ban, GameSessionEvent } from '../domain/game-session.events';
import { GameSessionStatus } from '../domain/game-session-status';
import { DisplayName, nameFromToken } from '../domain/participant';
import { PlayerType } from '../domain/player-type';
import { removalTerms } from '../domain/removal-terms';
import { Clock } from './clock';
import { GameSessionEventPublisher } from './game-session-event-publisher.port';
import { GameSessionStorage, existingSession } from './game-session-storage.port';
import { RosterSettings } from './roster-settings';

/** Versions the caller believes current (If-Match); the change happens only if one of them is. */
export type ExpectedVersions = readonly number[] | undefined;

export interface EventPage {
  readonly afterSeq: number;
  readonly limit: number;
}

/** What may come with a removal, as asked: a note, and (only for a removal) a ban. */
export interface RemovalAsked {
  readonly note?: string;
  readonly ban?: Ban;
}

/** A PATCH of a participant: a new name, a new type, or both. */
export interface ParticipantChange {
  readonly displayName?: DisplayName;
  readonly type?: PlayerType;
}

/** The use cases of the roster: load, let the aggregate decide, persist, then publish. */
@Injectable()
export class GameSessionsService {
  constructor(
    private readonly storage: GameSessionStorage,
    private readonly publisher: GameSessionEventPublisher,
    private readonly clock: Clock,
    private readonly settings: RosterSettings,
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
    const former = session?.formerSeatOf(requestingUserId);
    if (former) throw new DepartedFromSession(departureOf(former, session!.state.players));
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

  /** A rename (the participant themselves or the Game Master; null clears the name) and a type change (the Game Master), in one change. */
  changeParticipant(
    sessionId: string,
    userId: string,
    { displayName, type }: ParticipantChange,
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => {
      if (type !== undefined) session.changeParticipantType(userId, type, requestingUserId, now);
      if (displayName !== undefined) session.renameParticipant(userId, displayName, requestingUserId, now);
    });
  }

  changeStatus(
    sessionId: string,
    status: GameSessionStatus,
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.changeStatus(status, requestingUserId, now));
  }

  /** Removal by the Game Master, or leaving when `userId` is the requester; the terms are checked before anything is read. */
  removeParticipant(
    sessionId: string,
    userId: string,
    requestingUserId: string,
    expected?: ExpectedVersions,
    asked: RemovalAsked = {},
  ): Promise<GameSession> {
    const terms = removalTerms(asked, userId === requestingUserId, this.clock.now());
    return this.mutate(sessionId, expected, (session, now) => session.removeParticipant(userId, requestingUserId, now, terms));
  }

  /** Several removals on the same terms, one transaction, one batch id; a dry run changes and publishes nothing. */
  async removeParticipants(
    sessionId: string,
    userIds: readonly string[],
    requestingUserId: string,
    expected: ExpectedVersions,
    asked: RemovalAsked,
    dryRun: boolean,
  ): Promise<{ results: RemovalOutcome[]; session: GameSession }> {
    const terms = removalTerms(asked, false, this.clock.now());
    const batch = randomUUID();
    let results: RemovalOutcome[] = [];
    const decide = (session: GameSession, now: Date) => {
      results = session.removeParticipants(userIds, requestingUserId, now, terms, batch, dryRun);
    };
    if (!dryRun) return { session: await this.mutate(sessionId, expected, decide), results };
    const session = await existingSession(this.storage, sessionId);
    decide(session, this.clock.now());
    ensureExpected(session.version, expected);
    return { results, session };
  }

  /** The Game Master's undo of their latest removal of `userId`, within the restore window. */
  restoreParticipant(sessionId: string, userId: string, requestingUserId: string, expected?: ExpectedVersions): Promise<GameSession> {
    const window = this.settings.restoreWindowSeconds;
    return this.mutate(sessionId, expected, (session, now) => session.restoreParticipant(userId, requestingUserId, now, window));
  }

  handOverGameMaster(
    sessionId: string,
    to: string,
    then: 'stay' | 'leave',
    requestingUserId: string,
    expected?: ExpectedVersions,
  ): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.handOverGameMaster(to, then, requestingUserId, now));
  }

  /** The bans in force, with the session they belong to (its roster names the banners). */
  async listBans(sessionId: string, requestingUserId: string): Promise<{ bans: FormerSeat[]; session: GameSession }> {
    const session = await existingSession(this.storage, sessionId);
    return { bans: session.bansInForce(requestingUserId, this.clock.now()), session };
  }

  liftBan(sessionId: string, userId: string, requestingUserId: string, expected?: ExpectedVersions): Promise<GameSession> {
    return this.mutate(sessionId, expected, (session, now) => session.liftBan(userId, requestingUserId, now));
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
      ensureExpected(version, expected);
    });
    this.publisher.publish(session.pullDomainEvents());
    return session;
  }
}

/** Checked last, as HTTP wants: a request that would fail anyway answers its own error, not 412. */
function ensureExpected(version: number, expected: ExpectedVersions): void {
  if (expected && !expected.includes(version)) throw new StaleSession(version);
}
