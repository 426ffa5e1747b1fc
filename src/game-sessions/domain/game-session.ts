import {
  AlreadyParticipant,
  CannotAddMaster,
  CannotRemoveMaster,
  InvalidDisplayName,
  InvalidStatusTransition,
  InvalidTitle,
  NotGameMaster,
  ParticipantNotFound,
  RosterAction,
  RosterFrozen,
} from './game-session.errors';
import { EMPTY_ROSTER, RosterState, evolve } from './game-session.evolve';
import { GameSessionEvent } from './game-session.events';
import { GameSessionStatus, canMoveStatus } from './game-session-status';
import { InvitedType } from './invitation';
import { DisplayName, Participant, acceptedDisplayName } from './participant';
import { PlayerType } from './player-type';

export const TITLE_MAX_LENGTH = 128;

/** Everything storage needs to bring a session back exactly as it was saved. */
export interface GameSessionState extends RosterState {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly createdAt: Date;
}

type EventFields = GameSessionEvent extends infer E
  ? E extends GameSessionEvent
    ? Omit<E, 'sessionId' | 'seq' | 'occurredAt'>
    : never
  : never;

function validDisplayName(displayName: DisplayName): DisplayName {
  if (displayName === null) return null;
  const name = acceptedDisplayName(displayName);
  if (name === undefined) throw new InvalidDisplayName();
  return name;
}

/**
 * Aggregate root: who sits at one game table, and the rules of the table.
 * Every change takes the acting user and checks, in order: permission, status, target, rule.
 */
export class GameSession {
  private pendingEvents: GameSessionEvent[] = [];

  private constructor(private current: GameSessionState) {}

  /** The creator becomes the owner, the Game Master, seated as the Master (under `ownerName`, when given). */
  static create(params: { id: string; title: string; ownerId: string; ownerName?: DisplayName; now: Date }): GameSession {
    const title = params.title.trim();
    // Characters, not UTF-16 units: a title of 128 emoji is 128 characters, as PostgreSQL counts it.
    const length = [...title].length;
    if (length < 1 || length > TITLE_MAX_LENGTH) throw new InvalidTitle();
    const session = new GameSession({ ...EMPTY_ROSTER, id: params.id, title, ownerId: params.ownerId, createdAt: params.now });
    const displayName = validDisplayName(params.ownerName ?? null);
    session.record({ event: 'ParticipantJoined', userId: params.ownerId, type: PlayerType.Master, displayName }, params.now);
    return session;
  }

  static restore(state: GameSessionState): GameSession {
    const { id, title, ownerId, createdAt, status, players, updatedAt, version } = state;
    return new GameSession({ id, title, ownerId, createdAt, status, players: [...players], updatedAt, version });
  }

  get id(): string {
    return this.current.id;
  }

  get title(): string {
    return this.current.title;
  }

  get ownerId(): string {
    return this.current.ownerId;
  }

  get status(): GameSessionStatus {
    return this.current.status;
  }

  /** The seat of `userId`, if they sit at this table. */
  seatOf(userId: string): Participant | undefined {
    return this.findParticipant(userId);
  }

  /** A copy, so that no caller can change the aggregate behind its rules. */
  get state(): GameSessionState {
    const s = this.current;
    return {
      id: s.id,
      title: s.title,
      ownerId: s.ownerId,
      status: s.status,
      players: [...s.players],
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.updatedAt),
      version: s.version,
    };
  }

  /** The seq of the newest event; grows by one with every change. */
  get version(): number {
    return this.current.version;
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

  addParticipant(userId: string, type: PlayerType, requestingUserId: string, now: Date, displayName: DisplayName = null): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('add');
    this.ensureCanTakeSeat(userId);
    if (type === PlayerType.Master) throw new CannotAddMaster();
    this.record({ event: 'ParticipantJoined', userId, type, displayName: validDisplayName(displayName) }, now);
  }

  /** Only the Game Master hands out, lists and revokes invitations, and only while the roster is open. */
  ensureCanInvite(requestingUserId: string): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('invite');
    this.ensureRosterOpen('invite');
  }

  /** Only the Game Master answers join requests. */
  ensureCanAnswerJoinRequests(requestingUserId: string): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('answerJoinRequests');
  }

  /** A seat can be taken (added, admitted, asked for) while the roster is open, by someone not seated. */
  ensureCanTakeSeat(userId: string): void {
    this.ensureRosterOpen('add');
    if (this.isParticipant(userId)) throw new AlreadyParticipant();
  }

  /** Someone who followed an invitation takes a seat of the invitation's type. */
  admit(userId: string, type: InvitedType, displayName: DisplayName, now: Date): void {
    this.ensureCanTakeSeat(userId);
    this.record({ event: 'ParticipantJoined', userId, type, displayName: validDisplayName(displayName) }, now);
  }

  /** A participant renames themselves, or the Game Master renames anyone; null clears the name. The same name changes nothing. */
  renameParticipant(userId: string, displayName: DisplayName, requestingUserId: string, now: Date): void {
    if (userId !== requestingUserId && !this.isGameMaster(requestingUserId)) throw new NotGameMaster('rename');
    this.ensureRosterOpen('rename');
    const participant = this.findParticipant(userId);
    if (!participant) throw new ParticipantNotFound();
    const name = validDisplayName(displayName);
    if (name === participant.displayName) return;
    this.record({ event: 'ParticipantRenamed', userId, displayName: name, renamedBy: requestingUserId }, now);
  }

  /** The Game Master removes anyone but the Master; any participant may remove themselves (leave). */
  removeParticipant(userId: string, requestingUserId: string, now: Date): void {
    const leaving = userId === requestingUserId;
    if (!leaving && !this.isGameMaster(requestingUserId)) throw new NotGameMaster('remove');
    this.ensureRosterOpen('remove');
    const participant = this.findParticipant(userId);
    if (!participant) throw new ParticipantNotFound();
    if (participant.isMaster) throw new CannotRemoveMaster();
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
    const from = this.current.status;
    if (!canMoveStatus(from, to)) throw new InvalidStatusTransition(from, to);
    this.record({ event: 'SessionStatusChanged', from, to }, now);
  }

  private findParticipant(userId: string): Participant | undefined {
    return this.current.players.find((p) => p.userId === userId);
  }

  private ensureRosterOpen(action: RosterAction): void {
    const { status } = this.current;
    if (status === GameSessionStatus.Finished || status === GameSessionStatus.Cancelled) {
      throw new RosterFrozen(action, status);
    }
  }

  /** Every change is one event, numbered after the last, applied through `evolve`. */
  private record(fields: EventFields, now: Date): void {
    // A clock that stepped back (NTP, another instance) must not date an event before the one it follows.
    const at = now < this.current.updatedAt ? this.current.updatedAt : now;
    const event = { ...fields, sessionId: this.id, seq: this.current.version + 1, occurredAt: at } as GameSessionEvent;
    this.current = evolve(this.current, event);
    this.pendingEvents.push(event);
  }
}
