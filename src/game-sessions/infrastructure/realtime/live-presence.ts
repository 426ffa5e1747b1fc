import { Injectable } from '@nestjs/common';
import type { LiveNamespace, LiveSocket, PresenceNews } from './live-socket';
import type { OtherInstances } from './other-instances';
import { sessionRoom } from './rooms';

/** A socket back within this long after its user's last one went is no change: a reload, a network blip, a move to another instance. */
export const PRESENCE_GRACE_MS = 2000;

/** How often an instance looks whether another has gone without a word (its heartbeats stopped). */
const INSTANCES_CHECK_MS = 5000;

interface Absence {
  readonly timer: NodeJS.Timeout;
}

/** What this instance's subscribers to one session have been told of who is online. */
interface SessionPresence {
  readonly online: Set<string>;
  /** Online users last seen without a socket: offline once the grace is over and no instance has one of theirs. */
  readonly absent: Map<string, Absence>;
  /** Users who left the roster, with the seq of their departure: news of them from before it is stale. */
  readonly departed: Map<string, number>;
}

/**
 * Who is connected to a session right now, across instances, kept in memory only. Each instance
 * keeps its own subscribers' picture and tells them when it flips; instances tell each other of a
 * user's first socket and last socket on them, and before anyone is shown offline, every instance is
 * asked. Presence is never written down: a restart starts from the sockets that come back.
 */
@Injectable()
export class LivePresence {
  private readonly sessions = new Map<string, SessionPresence>();
  /** One question to the others per session at a time: the graces that end together share its answer. */
  private readonly asking = new Map<string, Promise<string[] | undefined>>();
  private namespace!: LiveNamespace;
  private others!: OtherInstances;
  private instances = 1;
  private watch?: NodeJS.Timeout;

  attach(namespace: LiveNamespace, others: OtherInstances): void {
    this.namespace = namespace;
    this.others = others;
    namespace.on('presence-news', (news) => this.hear(news));
    namespace.on('presence-ask', (sessionId, answer) => answer(this.usersHere(sessionId)));
    this.watch = setInterval(() => void this.noticeLostInstances(), INSTANCES_CHECK_MS);
    this.watch.unref();
  }

  /** The sessions whose presence this instance keeps (those it has subscribers for). */
  followed(): number {
    return this.sessions.size;
  }

  stop(): void {
    clearInterval(this.watch);
  }

  /**
   * A socket of a participant has just joined the session's room (the roster read at `seq`): who is
   * online, in roster order, the subscriber among them. The others hear of the subscriber if new.
   */
  async subscribed(socket: LiveSocket, sessionId: string, participants: readonly string[], seq: number): Promise<string[]> {
    const userId = socket.data.user.id;
    let presence = this.sessions.get(sessionId);
    if (!presence) {
      presence = { online: new Set(), absent: new Map(), departed: new Map() };
      this.sessions.set(sessionId, presence);
      // Nobody here was told anything yet: the picture starts from every instance's sockets.
      const seated = new Set(participants);
      const elsewhere = (await this.followersElsewhere(sessionId)) ?? [];
      for (const id of [...this.usersHere(sessionId), ...elsewhere]) if (seated.has(id)) presence.online.add(id);
    }
    presence.departed.delete(userId);
    this.cameOnline(sessionId, presence, userId, socket.id);
    if (!this.hasSocketHere(sessionId, userId, socket.id)) {
      this.others.tell('presence-news', { kind: 'here', sessionId, userId, seq }, `Presence in ${sessionId}`);
    }
    const online = presence.online;
    return participants.filter((id) => online.has(id));
  }

  /** The socket is leaving these sessions (unsubscribe, disconnect): its user's last socket here starts the grace everywhere. */
  left(socket: LiveSocket, sessionIds: Iterable<string>): void {
    const userId = socket.data.user.id;
    for (const sessionId of sessionIds) {
      if (this.hasSocketHere(sessionId, userId, socket.id)) continue;
      const presence = this.sessions.get(sessionId);
      if (presence?.online.has(userId)) this.startAbsence(sessionId, presence, userId);
      this.others.tell('presence-news', { kind: 'gone', sessionId, userId }, `Presence in ${sessionId}`);
    }
  }

  /** Out of the roster (removed or left), at `seq`: offline at once. Every instance hears the departure from its feed. */
  departed(sessionId: string, userId: string, seq: number): void {
    const presence = this.sessions.get(sessionId);
    if (!presence) return;
    presence.departed.set(userId, seq);
    this.endAbsence(presence, userId);
    if (presence.online.delete(userId)) this.announce(sessionId, userId, false);
  }

  /** Nobody here follows the session any more. */
  forget(sessionId: string): void {
    const presence = this.sessions.get(sessionId);
    if (!presence) return;
    for (const { timer } of presence.absent.values()) clearTimeout(timer);
    this.sessions.delete(sessionId);
  }

  private hear(news: PresenceNews): void {
    const presence = this.sessions.get(news.sessionId);
    if (!presence) return;
    const { sessionId, userId } = news;
    if (news.kind === 'here') {
      // A subscription made before the departure, heard after it.
      if ((presence.departed.get(userId) ?? -1) > news.seq) return;
      this.cameOnline(sessionId, presence, userId);
    } else if (presence.online.has(userId) && !this.hasSocketHere(sessionId, userId)) {
      this.startAbsence(sessionId, presence, userId);
    }
  }

  private cameOnline(sessionId: string, presence: SessionPresence, userId: string, exceptSocket?: string): void {
    this.endAbsence(presence, userId);
    if (presence.online.has(userId)) return;
    presence.online.add(userId);
    this.announce(sessionId, userId, true, exceptSocket);
  }

  private startAbsence(sessionId: string, presence: SessionPresence, userId: string): void {
    if (presence.absent.has(userId)) return;
    const absence: Absence = { timer: setTimeout(() => void this.endOfGrace(sessionId, presence, userId, absence), PRESENCE_GRACE_MS) };
    absence.timer.unref();
    presence.absent.set(userId, absence);
  }

  private endAbsence(presence: SessionPresence, userId: string): void {
    const absence = presence.absent.get(userId);
    if (!absence) return;
    clearTimeout(absence.timer);
    presence.absent.delete(userId);
  }

  /** Offline, unless a socket of theirs is back here or on another instance; an instance that cannot say is asked again later. */
  private async endOfGrace(sessionId: string, presence: SessionPresence, userId: string, absence: Absence): Promise<void> {
    const elsewhere = await this.followersElsewhere(sessionId);
    // Back (here or elsewhere), departed, or no longer followed here while the others were asked.
    if (presence.absent.get(userId) !== absence || this.sessions.get(sessionId) !== presence) return;
    presence.absent.delete(userId);
    if (elsewhere === undefined) return this.startAbsence(sessionId, presence, userId);
    if (elsewhere.includes(userId)) return;
    presence.online.delete(userId);
    this.announce(sessionId, userId, false);
  }

  private followersElsewhere(sessionId: string): Promise<string[] | undefined> {
    const pending = this.asking.get(sessionId);
    if (pending) return pending;
    const asked = this.others.whoFollows(sessionId).finally(() => this.asking.delete(sessionId));
    this.asking.set(sessionId, asked);
    return asked;
  }

  /**
   * An instance that died without closing its sockets told no one its users went: once the adapter
   * stops counting it, everyone shown online here without a socket here has their grace begin.
   */
  private async noticeLostInstances(): Promise<void> {
    const counted = await this.namespace.adapter.serverCount().catch(() => this.instances);
    const fewer = counted < this.instances;
    this.instances = counted;
    if (!fewer) return;
    for (const [sessionId, presence] of this.sessions) {
      for (const userId of presence.online) if (!this.hasSocketHere(sessionId, userId)) this.startAbsence(sessionId, presence, userId);
    }
  }

  private announce(sessionId: string, userId: string, online: boolean, exceptSocket?: string): void {
    const room = this.namespace.local.to(sessionRoom(sessionId));
    (exceptSocket ? room.except(exceptSocket) : room).emit('PresenceChanged', { sessionId, userId, online });
  }

  /** The users with a socket in the session's room on this instance. */
  private usersHere(sessionId: string): string[] {
    const users = new Set<string>();
    for (const socketId of this.namespace.adapter.rooms.get(sessionRoom(sessionId)) ?? []) {
      const user = this.namespace.sockets.get(socketId)?.data.user;
      if (user) users.add(user.id);
    }
    return [...users];
  }

  private hasSocketHere(sessionId: string, userId: string, exceptSocket?: string): boolean {
    for (const socketId of this.namespace.adapter.rooms.get(sessionRoom(sessionId)) ?? []) {
      if (socketId !== exceptSocket && this.namespace.sockets.get(socketId)?.data.user.id === userId) return true;
    }
    return false;
  }
}
