import { Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { AuthenticatedUser } from '../../../auth/authenticated-user';
import { clusterLinkOf } from '../../../cluster/cluster-link';
import { TokenVerifier } from '../../../auth/token-verifier';
import { RateLimits } from '../../../common/rate-limit/rate-limits';
import { LiveConnections } from '../../../lifecycle/live-connections';
import { InProcessEventPublisher } from '../events/in-process-event-publisher';
import type { LiveAck, LiveProblem, SubscribedSession } from '../../../contract/live-events';
import { fromEventJson, toEventView } from '../../application/game-session.views';
import { parseSubscription, toLiveProblem } from './live-messages';
import { LiveJoinRequestNotices } from './live-join-request-notices';
import { LivePresence } from './live-presence';
import { LiveSessionFeeds } from './live-session-feeds';
import { OtherInstances } from './other-instances';
import { sessionsIn, userRoom } from './rooms';
import type { LiveNamespace, LiveSocket } from './live-socket';
import { disconnectAt } from './token-expiry';

/**
 * Live game clients: `io(url + '/game-sessions', { auth: { token } })`, then `session:subscribe`.
 * Committed events reach this instance from its own requests and, through the adapter, from others'.
 */
@WebSocketGateway({ namespace: '/game-sessions' })
export class GameSessionsGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown, LiveConnections {
  private readonly logger = new Logger('GameSessionsGateway');
  private stopListening: () => void = () => undefined;
  private stopResyncing: () => void = () => undefined;
  private namespace?: LiveNamespace;

  constructor(
    private readonly tokens: TokenVerifier,
    private readonly feeds: LiveSessionFeeds,
    private readonly localEvents: InProcessEventPublisher,
    private readonly limits: RateLimits,
    private readonly joinRequestNotices: LiveJoinRequestNotices,
    private readonly presence: LivePresence,
  ) {}

  afterInit(namespace: LiveNamespace): void {
    this.namespace = namespace;
    this.feeds.attach(namespace);
    this.joinRequestNotices.attach(namespace);
    namespace.use((socket, next) => {
      this.tokens.verify(socket.handshake.auth?.token).then(
        (user) => {
          socket.data.user = user;
          next();
        },
        () => next(new Error('unauthorized')),
      );
    });
    const link = clusterLinkOf(namespace.adapter);
    const others = new OtherInstances(namespace, link);
    this.presence.attach(namespace, others);
    this.stopListening = this.localEvents.subscribe((event) => {
      this.feeds.receive(event);
      others.tell('game-session-event', toEventView(event), `${event.event} #${event.seq} of ${event.sessionId}`);
    });
    // The adapter carries JSON: the instant arrives as text and becomes a Date again.
    namespace.on('game-session-event', (event) => this.feeds.receive(fromEventJson(event)));
    // What the others sent while this instance could not hear them is in the log.
    this.stopResyncing = link?.onRestored(() => void this.feeds.resyncAll()) ?? (() => undefined);
  }

  handleConnection(socket: LiveSocket): void {
    const user = this.userOf(socket);
    socket.join(userRoom(user.id));
    const expiry = disconnectAt(socket, user.expiresAt);
    let sessionIds: string[] = [];
    socket.on('disconnecting', () => {
      sessionIds = sessionsIn(socket.rooms);
      this.presence.left(socket, sessionIds);
    });
    socket.on('disconnect', () => {
      expiry.cancel();
      this.limits.sockets.forget(socket.id);
      this.feeds.forget(sessionIds);
    });
  }

  /** Last, after the drain has answered every request: changes committed meanwhile were still sent on. */
  onApplicationShutdown(): void {
    this.stopListening();
    this.stopResyncing();
    this.presence.stop();
  }

  /**
   * Before this instance goes away: every socket here is told, then its connection is dropped
   * (not disconnected), so that socket.io clients reconnect on their own, to another instance.
   */
  releaseClients(): void {
    if (!this.namespace) return;
    this.namespace.local.emit('ServerShuttingDown', { reconnect: true });
    for (const socket of this.namespace.sockets.values()) socket.conn.close();
  }

  @SubscribeMessage('session:subscribe')
  async subscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<LiveAck<SubscribedSession>> {
    const limited = this.rateLimited(socket);
    if (limited) return limited;
    try {
      const { sessionId, afterSeq } = parseSubscription(payload);
      return { ok: true, ...(await this.feeds.subscribe(socket, this.userOf(socket).id, sessionId, afterSeq)) };
    } catch (error) {
      const problem = toLiveProblem(error, `session:subscribe by ${this.userOf(socket).id}`);
      this.logger.warn({
        userId: this.userOf(socket).id,
        action: 'session:subscribe',
        sessionId: (payload as { sessionId?: unknown } | undefined)?.sessionId,
        outcome: problem.code,
      });
      return { ok: false, error: problem };
    }
  }

  @SubscribeMessage('session:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() payload: unknown): Promise<LiveAck> {
    const limited = this.rateLimited(socket);
    if (limited) return limited;
    try {
      await this.feeds.unsubscribe(socket, parseSubscription(payload).sessionId);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: toLiveProblem(error, `session:unsubscribe by ${this.userOf(socket).id}`) };
    }
  }

  private rateLimited(socket: LiveSocket): { ok: false; error: LiveProblem } | undefined {
    const wait = this.limits.sockets.take(socket.id);
    if (wait === 0) return undefined;
    return { ok: false, error: { status: 429, code: 'RATE_LIMITED', detail: `Too many messages; retry in ${wait} s` } };
  }

  private userOf(socket: LiveSocket): AuthenticatedUser {
    return socket.data.user;
  }
}
