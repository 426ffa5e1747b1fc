import {
  AlreadyGameMaster,
  AlreadyParticipant,
  BanNotFound,
  CannotAddMaster,
  CannotChangeMaster,
  CannotRemoveMaster,
  GameSessionError,
  InvalidDisplayName,
  InvalidStatusTransition,
  InvalidTitle,
  NotGameMaster,
  NothingToRestore,
  ParticipantNotFound,
  RestoreWindowPassed,
  RosterAction,
  RosterFrozen,
  RuleCode,
  UserBanned,
} from './game-session.errors';
import { EMPTY_ROSTER, RosterState, evolve } from './game-session.evolve';
import { GameSessionEvent, PreviousGameMaster } from './game-session.events';
import { FormerSeat, banInForce } from './departure';
import { NO_TERMS, RemovalTerms } from './removal-terms';
import { GameSessionStatus, canMoveStatus } from './game-session-status';
import { InvitedType } from './invitation';
import { DisplayName, Participant, acceptedDisplayName } from './participant';
import { PlayerType } from './player-type';

export const TITLE_MAX_LENGTH = 128;

/** Everything storage needs to bring a session back exactly as it was saved. */
export interface GameSessionState extends RosterState {
  readonly id: string;
  readonly title: string;
  readonly createdAt: Date;
}

/** What became of one person of a bulk removal: removed (or, in a dry run, would be), or the code of the rule that kept them. */
export interface RemovalOutcome {
  readonly userId: string;
  readonly outcome: 'removed' | 'would-remove' | RuleCode;
}

/** Who asks for a seat: the Game Master seating someone, or the user themselves (an invitation, a join request). */
export type SeatAskedBy = UserBanned['askedBy'];

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
    const session = new GameSession({ ...EMPTY_ROSTER, id: params.id, title, createdAt: params.now });
    const displayName = validDisplayName(params.ownerName ?? null);
    session.record({ event: 'ParticipantJoined', userId: params.ownerId, type: PlayerType.Master, displayName }, params.now);
    return session;
  }

  static restore(state: GameSessionState): GameSession {
    const { id, title, ownerId, createdAt, status, players, formerSeats, updatedAt, version } = state;
    return new GameSession({ id, title, ownerId, createdAt, status, players: [...players], formerSeats: [...formerSeats], updatedAt, version });
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
      formerSeats: [...s.formerSeats],
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
    this.ensureCanTakeSeat(userId, now, 'gameMaster');
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

  /** A seat can be taken (added, admitted, asked for) while the roster is open, by someone not seated and not banned. */
  ensureCanTakeSeat(userId: string, now: Date, askedBy: SeatAskedBy): void {
    this.ensureRosterOpen('add');
    if (this.isParticipant(userId)) throw new AlreadyParticipant();
    const ban = this.formerSeatOf(userId)?.ended.ban ?? null;
    if (banInForce(ban, now)) throw new UserBanned(ban.until, askedBy);
  }

  /** Someone who followed an invitation takes a seat of the invitation's type: at once, or when the Game Master approves. */
  admit(userId: string, type: InvitedType, displayName: DisplayName, now: Date, askedBy: SeatAskedBy): void {
    this.ensureCanTakeSeat(userId, now, askedBy);
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

  /**
   * The Game Master removes anyone but the Master; any participant may remove themselves (leave).
   * `terms` are as `removalTerms` accepted them: a note, and with a removal a ban.
   */
  removeParticipant(userId: string, requestingUserId: string, now: Date, terms: RemovalTerms = NO_TERMS): void {
    const leaving = userId === requestingUserId;
    if (!leaving && !this.isGameMaster(requestingUserId)) throw new NotGameMaster('remove');
    this.ensureRosterOpen('remove');
    this.unseat(userId, leaving ? null : requestingUserId, now, terms);
  }

  /**
   * The Game Master removes several at once, each on the same terms: whoever cannot be removed is
   * an outcome, not a refusal of the whole. A dry run records nothing. Results in the order asked.
   */
  removeParticipants(userIds: readonly string[], requestingUserId: string, now: Date, terms: RemovalTerms, batch: string, dryRun: boolean): RemovalOutcome[] {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('remove');
    this.ensureRosterOpen('remove');
    const table = dryRun ? GameSession.restore(this.current) : this;
    return userIds.map((userId) => {
      try {
        table.unseat(userId, requestingUserId, now, terms, batch);
        return { userId, outcome: dryRun ? 'would-remove' : 'removed' };
      } catch (refusal) {
        if (refusal instanceof GameSessionError) return { userId, outcome: refusal.code };
        throw refusal;
      }
    });
  }

  /**
   * The Game Master undoes their latest removal of a user, within `windowSeconds` of it: back as
   * they sat (type, name, place in the roster), and a ban that came with it goes too.
   */
  restoreParticipant(userId: string, requestingUserId: string, now: Date, windowSeconds: number): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('restore');
    this.ensureRosterOpen('restore');
    if (this.isParticipant(userId)) throw new AlreadyParticipant();
    const former = this.formerSeatOf(userId);
    if (!former || former.ended.reason !== 'removed') throw new NothingToRestore();
    if (now.getTime() - former.ended.at.getTime() > windowSeconds * 1000) throw new RestoreWindowPassed(windowSeconds);
    const { type, displayName } = former.participant;
    this.record({ event: 'ParticipantRestored', userId, type, displayName, restoredBy: requestingUserId, undoes: former.ended.seq }, now);
  }

  /** The Game Master changes a participant's part; never the Master's, never to Master. The same type changes nothing. */
  changeParticipantType(userId: string, to: PlayerType, requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('changeType');
    this.ensureRosterOpen('changeType');
    const participant = this.findParticipant(userId);
    if (!participant) throw new ParticipantNotFound();
    if (participant.isMaster) throw new CannotChangeMaster();
    if (to === PlayerType.Master) throw new CannotAddMaster();
    if (to === participant.type) return;
    this.record({ event: 'ParticipantTypeChanged', userId, from: participant.type, to, changedBy: requestingUserId }, now);
  }

  /** The Game Master hands the Master seat and the session to another participant, and stays as a Player or leaves. */
  handOverGameMaster(to: string, then: 'stay' | 'leave', requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('handOver');
    this.ensureRosterOpen('handOver');
    if (!this.isParticipant(to)) throw new ParticipantNotFound();
    if (this.isGameMaster(to)) throw new AlreadyGameMaster();
    const previousGameMaster: PreviousGameMaster = then === 'stay' ? 'Player' : 'left';
    this.record({ event: 'GameMasterChanged', from: requestingUserId, to, previousGameMaster }, now);
  }

  /** The bans in force: who, until when, why, by whom. Only the Game Master sees them, frozen roster or not. */
  bansInForce(requestingUserId: string, now: Date): FormerSeat[] {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('bans');
    return this.current.formerSeats.filter((former) => banInForce(former.ended.ban, now));
  }

  /** The Game Master lifts a ban in force; also on a frozen roster, whose bans stay. */
  liftBan(userId: string, requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('bans');
    if (!banInForce(this.formerSeatOf(userId)?.ended.ban ?? null, now)) throw new BanNotFound();
    this.record({ event: 'BanLifted', userId, liftedBy: requestingUserId }, now);
  }

  /** How the user's latest seat here ended, when they are not seated now. */
  formerSeatOf(userId: string): FormerSeat | undefined {
    return this.current.formerSeats.find((former) => former.participant.userId === userId);
  }

  changeStatus(to: GameSessionStatus, requestingUserId: string, now: Date): void {
    if (!this.isGameMaster(requestingUserId)) throw new NotGameMaster('changeStatus');
    const from = this.current.status;
    if (!canMoveStatus(from, to)) throw new InvalidStatusTransition(from, to);
    this.record({ event: 'SessionStatusChanged', from, to }, now);
  }

  private unseat(userId: string, removedBy: string | null, now: Date, { note, ban }: RemovalTerms, batch?: string): void {
    const participant = this.findParticipant(userId);
    if (!participant) throw new ParticipantNotFound();
    if (participant.isMaster) throw new CannotRemoveMaster();
    const reason = removedBy === null ? 'left' : 'removed';
    const fields = { event: 'ParticipantLeft', userId, type: participant.type, reason, removedBy, note, ban } as const;
    this.record(batch === undefined ? fields : { ...fields, batch }, now);
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
