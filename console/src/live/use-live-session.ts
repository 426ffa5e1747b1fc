import { useEffect, useReducer, useState } from 'react';
import { type Socket, io } from 'socket.io-client';
import { describeFailure } from '../api/problem';
import type { RosterApi } from '../api/roster-api';
import {
  type ClientToServerEvents,
  JOIN_REQUEST_NOTICES,
  SESSION_EVENT_NAMES,
  type ServerToClientEvents,
  type SessionEventView,
} from '../../../src/contract';
import { needsReading } from './evolve-view';
import { LOADING, type LiveSessionState, liveSessionReducer } from './live-session-state';

/** `connected`: changes made elsewhere appear as they happen; otherwise the socket is retrying. */
export type LiveConnection = 'connecting' | 'connected' | 'reconnecting';

export interface LiveSession {
  readonly state: LiveSessionState;
  readonly connection: LiveConnection;
  /** The latest change heard live, for screen readers. */
  readonly lastChange: SessionEventView | undefined;
  /** Counts the join-request notices heard for this session (the GM's waiting room reads itself again). */
  readonly joinRequestNews: number;
}

/**
 * One session, live: subscribes over the socket gateway, applies every change made anywhere, reads
 * the history once, and after a reconnect asks for what it missed (afterSeq). A removal of the
 * signed-in user ends it on every tab at once: the server tells each of their sockets.
 */
export function useLiveSession(
  api: RosterApi,
  token: string,
  sessionId: string,
  onSignedOut: (detail: string) => void,
): LiveSession {
  const [state, dispatch] = useReducer(liveSessionReducer, LOADING);
  const [connection, setConnection] = useState<LiveConnection>('connecting');
  const [lastChange, setLastChange] = useState<SessionEventView>();
  const [joinRequestNews, setJoinRequestNews] = useState(0);

  useEffect(() => {
    // websocket only: no long-polling fallback, which behind several instances would need sticky sessions.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/game-sessions', { auth: { token }, transports: ['websocket'] });
    let subscribed = false;
    let lastSeq = 0;

    socket.on('connect', async () => {
      setConnection('connected');
      const afterSeq = subscribed ? lastSeq : undefined;
      const ack = await socket.emitWithAck('session:subscribe', { sessionId, afterSeq });
      if (!ack.ok) {
        // Removed (or left) while this page was closed: told who, when, as if it had been live.
        dispatch(ack.error.removal ? { type: 'removed', removal: ack.error.removal } : { type: 'failed', detail: ack.error.detail });
        socket.disconnect();
        return;
      }
      if (subscribed) return dispatch({ type: 'online', online: ack.online });
      subscribed = true;
      lastSeq = Math.max(lastSeq, ack.seq);
      dispatch({ type: 'subscribed', session: ack.session, seq: ack.seq, online: ack.online });
      api.listEvents(sessionId).then(
        (events) => dispatch({ type: 'history', events }),
        (error: unknown) => dispatch({ type: 'historyFailed', detail: describeFailure(error) }),
      );
    });
    for (const name of SESSION_EVENT_NAMES) {
      socket.on(name, (event: SessionEventView) => {
        if (event.sessionId !== sessionId) return;
        lastSeq = Math.max(lastSeq, event.seq);
        dispatch({ type: 'event', event });
        setLastChange(event);
        if (needsReading(event)) void readAgain();
      });
    }
    /** A new subscription on the same socket: the session as it is now, and events after it as before. */
    const readAgain = async () => {
      const ack = await socket.emitWithAck('session:subscribe', { sessionId });
      if (ack.ok) dispatch({ type: 'snapshot', session: ack.session, seq: ack.seq, online: ack.online });
    };
    for (const name of JOIN_REQUEST_NOTICES) {
      socket.on(name, (notice) => notice.sessionId === sessionId && setJoinRequestNews((n) => n + 1));
    }
    socket.on('PresenceChanged', (presence) => {
      if (presence.sessionId === sessionId) dispatch({ type: 'presence', presence });
    });
    socket.on('RemovedFromSession', (removal) => {
      if (removal.sessionId !== sessionId) return;
      const { occurredAt: at, reason, removedBy, note, ban } = removal;
      dispatch({ type: 'removed', removal: { at, reason, removedBy: removedBy === null ? null : { userId: removedBy, displayName: null }, note, ban } });
      socket.disconnect();
    });
    socket.on('disconnect', () => setConnection('reconnecting'));
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') onSignedOut('The server no longer accepts your token: sign in again.');
      else setConnection('reconnecting');
    });
    socket.on('TokenExpired', () => onSignedOut('Your sign-in has expired: sign in again.'));
    return () => {
      socket.disconnect();
    };
  }, [api, token, sessionId, onSignedOut]);

  return { state, connection, lastChange, joinRequestNews };
}
