import {
  AlreadyParticipant,
  CannotAddMaster,
  CannotRemoveMaster,
  InvalidStatusTransition,
  InvalidTitle,
  NotGameMaster,
  ParticipantNotFound,
  RosterAction,
  RosterFrozen,
} from './game-session.errors';
import { GameSessionEvent } from './game-session.events';
import { GameSessionStatus, canMoveStatus } from './game-session-status';
import { Participant } from './participant';
import { PlayerType } from './player-type';

export const TITLE_MAX_LENGTH = 128;

/** Everything storage needs to bring a session back exactly as it was saved. */
export interface GameSessionState {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly status: GameSessionStatus;
  readonly players: readonly Participant[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
  /** seq of the newest event in the session's log. */
  readonly lastSeq: number;
}

type EventFields = GameSessionEvent extends infer E
  ? E extends GameSessionEvent
    ? Omit<E, 'sessionId' | 'seq' | 'occurredAt'>
    : never
  : never;

/**
 * Aggregate root: who sits at one game table, and the rules of the table.
 * Every change takes the acting user and checks, in order: permission, status, target, rule.
 */
export class GameSession {
  private pendingEvents: GameSessionEvent[] = [];
  private players: Participant[];
  private status: GameSessionStatus;
  private updatedAt: Date;
  private currentVersion: number;
  private lastSeq: number;

  private constructor(
    readonly id: string,
    readonly title: string,
    readonly ownerId: string,
    readonly createdAt: Date,
    state: Omit<GameSessionState, 'id' | 'title' | 'ownerId' | 'createdAt'>,
  ) {
    this.players = [...state.players];
    this.status = state.status;
    this.updatedAt = state.updatedAt;
    this.currentVersion = state.version;
    this.lastSeq = state.lastSeq;
  }

  /** The creator becomes the owner, the Game Master, seated as the Master. */
  static create(params: { id: string; title: string; ownerId: string; now: Date }): GameSession {
    const title = params.title.trim();
    // Characters, not UTF-16 units: a title of 128 emoji is 128 characters, as PostgreSQL counts it.
    const length = [...title].length;
    if (length < 1 || length > TITLE_MAX_LENGTH) throw new InvalidTitle();
    const master = Participant.of(params.ownerId, PlayerType.Master, params.now);
    const session = new GameSession(params.id, title, params.ownerId, params.now, {
      status: GameSessionStatus.Draft,
      players: [master],
      updatedAt: params.now,
      version: 0,
      lastSeq: 0,
    });
    session.record({ event: 'ParticipantJoined', userId: master.userId, type: master.type }, params.now);
    return session;
  }

  static restore(state: GameSessionState): GameSession {
    return new GameSession(state.id, state.title, state.ownerId, state.createdAt, state);
  }

  get state(): GameSessionState {
    return {
      id: this.id,
      title: this.title,
      ownerId: this.ownerId,
      status: this.status,
      players: [...this.players],
      createdAt: new Date(this.createdAt),
      updatedAt: new Date(this.updatedAt),
      version: this.currentVersion,
      lastSeq: this.lastSeq,
    };
  }

  /** Grows by one with every change; the session's optimistic-concurrency token. */
  get version(): number {
    return this.currentVersion;
  }

  /** Events recorded since the session was created or restored, not yet handed out. */
  get uncommittedEvents(): readonly GameSessionEvent[] {
    return this.pendingEvents;
  }

  pullDomainEvents(): GameSessionEvent[] {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    return events;
  }

  isParticipant(userId: string): boolean {
    return this.findParticipant(userId) !== undefined;
  }

  isGameMaster(userId: string): boolean {
    return userId === this.ownerId;
  }

  addParticipant(userId: string, type: PlayerType, requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('add');
    this.ensureRosterOpen('add');
    if (this.isParticipant(userId)) throw new AlreadyParticipant();
    if (type === PlayerType.Master) throw new CannotAddMaster();
    const at = this.notBeforeLastChange(now);
    this.players.push(Participant.of(userId, type, at));
    this.record({ event: 'ParticipantJoined', userId, type }, at);
  }

  /** The Game Master removes anyone but the Master; any participant may remove themselves (leave). */
  removeParticipant(userId: string, requestingUserId: string, now: Date): void {
    const leaving = userId === requestingUserId;
    if (!leaving && !this.isGameMaster(requestingUserId)) throw new NotGameMaster('remove');
    this.ensureRosterOpen('remove');
    const participant = this.findParticipant(userId);
    if (!participant) throw new ParticipantNotFound();
    if (participant.isMaster) throw new CannotRemoveMaster();
    this.players = this.players.filter((p) => p.userId !== userId);
    this.record(
      {
        event: 'ParticipantLeft',
        userId,
        type: participant.type,
        reason: leaving ? 'left' : 'removed',
        removedBy: leaving ? null : requestingUserId,
      },
      now,
    );
  }

  changeStatus(to: GameSessionStatus, requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('changeStatus');
    const from = this.status;
    if (!canMoveStatus(from, to)) throw new InvalidStatusTransition(from, to);
    this.status = to;
    this.record({ event: 'SessionStatusChanged', from, to }, now);
  }

  private findParticipant(userId: string): Participant | undefined {
    return this.players.find((p) => p.userId === userId);
  }

  private ensureRosterOpen(action: RosterAction): void {
    if (this.status === GameSessionStatus.Finished || this.status === GameSessionStatus.Cancelled) {
      throw new RosterFrozen(action, this.status);
    }
  }

  /** A clock that stepped back (NTP, another instance) must not date an event before the one it follows. */
  private notBeforeLastChange(now: Date): Date {
    return now < this.updatedAt ? this.updatedAt : now;
  }

  /** Every change is one event and one new version. */
  private record(fields: EventFields, now: Date): void {
    const at = this.notBeforeLastChange(now);
    this.lastSeq += 1;
    this.currentVersion += 1;
    this.updatedAt = at;
    this.pendingEvents.push({ ...fields, sessionId: this.id, seq: this.lastSeq, occurredAt: at } as GameSessionEvent);
  }
}
