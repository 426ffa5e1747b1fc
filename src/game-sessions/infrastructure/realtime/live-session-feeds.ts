import { Injectable, Logger } from '@nestjs/common';
import { GameSessionStorage } from '../../application/game-session-storage.port';
import type { RemovedFromSession, SubscribedSession } from '../../../contract/live-events';
import { toBanView, toEventView, toGameSessionView } from '../../application/game-session.views';
import { GameSessionsService } from '../../application/game-sessions.service';
import { GameSessionEvent, MAX_SEQ, ParticipantJoined } from '../../domain/game-session.events';
import { LivePresence } from './live-presence';
import type { LiveNamespace, LiveSocket } from './live-socket';
import { sessionRoom, userRoom } from './rooms';

/** Events reach an instance from its own requests and from others', in no guaranteed order. */
interface Feed {
  readonly sessionId: string;
  /** The highest seq this instance has delivered to the session's room; unset until first read. */
  lastSeq: number | undefined;
  /** Work on one session runs one task at a time, in arrival order. */
  tail: Promise<void>;
  pending: number;
}

const PAGE = 1000;
const RESYNC_RETRY_MS = 500;

/**
 * Delivers each session's events to this instance's subscribed sockets exactly once and in seq
 * order, whatever order they arrive in: a gap is filled from the log, a repeat is dropped, and a
 * new subscriber's catch-up and its first live event are serialised with every other delivery.
 */
@Injectable()
export class LiveSessionFeeds {
  private readonly logger = new Logger('LiveSessionFeeds');
  private readonly feeds = new Map<string, Feed>();
  private namespace!: LiveNamespace;

  constructor(
    private readonly sessions: GameSessionsService,
    private readonly storage: GameSessionStorage,
    private readonly presence: LivePresence,
  ) {}

  attach(namespace: LiveNamespace): void {
    this.namespace = namespace;
  }

  /** What this instance holds in memory; all zero once its sockets are gone. */
  stats(): { sessions: number; presence: number; rooms: number; sockets: number } {
    const { namespace, presence } = this;
    return { sessions: this.feeds.size, presence: presence.followed(), rooms: namespace.adapter.rooms.size, sockets: namespace.sockets.size };
  }

  receive(event: GameSessionEvent): void {
    if (event.event === 'ParticipantJoined') this.tellAdded(event);
    if (event.event === 'ParticipantRestored') this.namespace.local.to(userRoom(event.userId)).emit('RestoredToSession', { sessionId: event.sessionId });
    if (!this.feeds.has(event.sessionId)) {
      // Nobody here follows the session, but the departed user's sockets must still be told.
      const departure = departureIn(event);
      if (departure) this.tellRemoved(departure);
      return;
    }
    this.run(event.sessionId, (feed) => this.deliverThrough(feed, event)).catch((error: Error) =>
      this.logger.error(`Delivering ${event.event} #${event.seq} of ${event.sessionId} failed`, error.stack),
    );
  }

  /**
   * Checks that the user is a current participant, sends the events after `afterSeq` to this
   * socket alone, then lets it into the room: nothing missed, nothing twice. Then who is online.
   */
  subscribe(socket: LiveSocket, userId: string, sessionId: string, afterSeq: number | undefined): Promise<SubscribedSession> {
    return this.run(sessionId, async (feed) => {
      const session = await this.sessions.getSession(sessionId, userId);
      const latest = session.version;
      if (feed.lastSeq === undefined) feed.lastSeq = latest;
      else if (feed.lastSeq < latest) await this.fillGap(feed, latest + 1);
      const upTo = feed.lastSeq;
      if (afterSeq !== undefined) {
        for await (const event of this.eventsBetween(sessionId, afterSeq, upTo)) socket.emit(event.event, toEventView(event));
      }
      // A socket that went away meanwhile must not be put back into a room.
      if (!socket.connected) return { session: toGameSessionView(session), seq: upTo, online: [] };
      socket.join(sessionRoom(sessionId));
      const participants = session.state.players.map((participant) => participant.userId);
      const online = await this.presence.subscribed(socket, sessionId, participants, upTo);
      return { session: toGameSessionView(session), seq: upTo, online };
    });
  }

  unsubscribe(socket: LiveSocket, sessionId: string): Promise<void> {
    return this.run(sessionId, async () => {
      const room = sessionRoom(sessionId);
      if (!socket.rooms.has(room)) return;
      socket.leave(room);
      this.presence.left(socket, [sessionId]);
    });
  }

  /**
   * After the link to the other instances was down: every session followed here is read again
   * from the log, so what was committed meanwhile reaches its sockets, in order and once. Sessions
   * whose log cannot be read yet (the database is still coming back) are tried again.
   */
  async resyncAll(sessionIds: Iterable<string> = this.feeds.keys()): Promise<void> {
    const failed: string[] = [];
    let reason = '';
    await Promise.all(
      [...sessionIds]
        .filter((sessionId) => this.feeds.has(sessionId))
        .map((sessionId) =>
          this.run(sessionId, (feed) => this.catchUp(feed)).catch((error: Error) => {
            failed.push(sessionId);
            reason = error.message;
          }),
        ),
    );
    if (failed.length === 0) return;
    this.logger.warn(`${failed.length} followed sessions not read again from the log (${reason}); retrying in ${RESYNC_RETRY_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, RESYNC_RETRY_MS));
    return this.resyncAll(failed);
  }

  /** After a socket left its rooms (disconnect), forget the sessions nobody here follows any more. */
  forget(sessionIds: Iterable<string>): void {
    for (const sessionId of sessionIds) {
      const feed = this.feeds.get(sessionId);
      if (feed) this.closeIfIdle(feed);
    }
  }

  private run<T>(sessionId: string, task: (feed: Feed) => Promise<T>): Promise<T> {
    let feed = this.feeds.get(sessionId);
    if (!feed) {
      feed = { sessionId, lastSeq: undefined, tail: Promise.resolve(), pending: 0 };
      this.feeds.set(sessionId, feed);
    }
    const current = feed;
    current.pending += 1;
    const result = current.tail.then(() => task(current));
    current.tail = result.then(
      () => this.settle(current),
      () => this.settle(current),
    );
    return result;
  }

  private settle(feed: Feed): void {
    feed.pending -= 1;
    this.closeIfIdle(feed);
  }

  private closeIfIdle(feed: Feed): void {
    const listeners = this.namespace.adapter.rooms.get(sessionRoom(feed.sessionId))?.size ?? 0;
    if (feed.pending === 0 && listeners === 0 && this.feeds.get(feed.sessionId) === feed) {
      this.feeds.delete(feed.sessionId);
      this.presence.forget(feed.sessionId);
    }
  }

  private async deliverThrough(feed: Feed, event: GameSessionEvent): Promise<void> {
    if (feed.lastSeq === undefined || event.seq <= feed.lastSeq) return;
    if (event.seq > feed.lastSeq + 1) await this.fillGap(feed, event.seq);
    this.deliver(feed, event);
  }

  /** A feed not read yet has nothing to catch up on: its first subscriber reads the session. */
  private async catchUp(feed: Feed): Promise<void> {
    if (feed.lastSeq !== undefined) await this.fillGap(feed, MAX_SEQ + 1);
  }

  /** Delivers from the log every event between what the room has seen and `beforeSeq`. */
  private async fillGap(feed: Feed, beforeSeq: number): Promise<void> {
    for await (const missed of this.eventsBetween(feed.sessionId, feed.lastSeq!, beforeSeq - 1)) this.deliver(feed, missed);
  }

  private deliver(feed: Feed, event: GameSessionEvent): void {
    if (event.seq !== feed.lastSeq! + 1) return;
    feed.lastSeq = event.seq;
    const room = sessionRoom(feed.sessionId);
    const departure = departureIn(event);
    if (departure) {
      // Out of the room before anyone hears of it: the leaver's last word is RemovedFromSession.
      this.namespace.local.in(userRoom(departure.userId)).socketsLeave(room);
      this.tellRemoved(departure);
    }
    this.namespace.local.to(room).emit(event.event, toEventView(event));
    if (departure) this.presence.departed(feed.sessionId, departure.userId, event.seq);
  }

  private tellRemoved({ userId, ...removal }: Departed): void {
    this.namespace.local.to(userRoom(userId)).emit('RemovedFromSession', removal);
  }

  /** Only where the user has sockets here: the title is read for them, not for every join. */
  private tellAdded({ sessionId, seq, userId, type }: ParticipantJoined): void {
    const room = userRoom(userId);
    if (!this.namespace.adapter.rooms.get(room)?.size) return;
    this.storage.titleOf(sessionId).then(
      (title) => title !== null && this.namespace.local.to(room).emit('AddedToSession', { sessionId, seq, title, type }),
      (error: Error) => this.logger.warn(`Telling ${userId} they were seated in ${sessionId} failed: ${error.message}`),
    );
  }

  private async *eventsBetween(sessionId: string, afterSeq: number, upToSeq: number): AsyncGenerator<GameSessionEvent> {
    for (let from = afterSeq; from < upToSeq; ) {
      const limit = Math.min(PAGE, upToSeq - from);
      const page = await this.storage.listEvents(sessionId, from, limit);
      yield* page;
      // A short page is the end of the log.
      if (page.length < limit) return;
      from = page.at(-1)!.seq;
    }
  }
}

type Departed = RemovedFromSession & { readonly userId: string };

/** Whom the event takes off the table, and what they are told: a removal, a leave, or a Game Master handing over and leaving. */
function departureIn(event: GameSessionEvent): Departed | undefined {
  const { sessionId, seq } = event;
  const occurredAt = event.occurredAt.toISOString();
  if (event.event === 'ParticipantLeft') {
    const { userId, removedBy, reason, note, ban } = event;
    return { userId, sessionId, seq, occurredAt, removedBy, reason, note, ban: toBanView(ban) };
  }
  if (event.event === 'GameMasterChanged' && event.previousGameMaster === 'left') {
    return { userId: event.from, sessionId, seq, occurredAt, removedBy: null, reason: 'left', note: null, ban: null };
  }
  return undefined;
}
