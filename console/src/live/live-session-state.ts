import type { GameSessionView, PresenceChanged, RemovalView, SessionEventView } from '../../../src/contract';
import { evolveView, needsReading } from './evolve-view';

/** What the session page knows of one session, kept in step with its live feed. */
export type LiveSessionState =
  /** Events that arrive before the snapshot are kept, then applied on top of it. */
  | { readonly phase: 'loading'; readonly early: readonly SessionEventView[] }
  | {
      readonly phase: 'ready';
      readonly session: GameSessionView;
      /** The seq the roster reflects: events at or below it are already in. */
      readonly seq: number;
      /** The log, ascending seq; undefined until it has been read. */
      readonly history: readonly SessionEventView[] | undefined;
      readonly historyError: string | undefined;
      /** The participants connected right now (presence); no history, no seq: the ack's list, then each change. */
      readonly online: ReadonlySet<string>;
    }
  | { readonly phase: 'failed'; readonly detail: string }
  | { readonly phase: 'removed'; readonly removal: RemovalView; readonly title: string | undefined };

export type LiveSessionAction =
  | { readonly type: 'subscribed'; readonly session: GameSessionView; readonly seq: number; readonly online: readonly string[] }
  /** The session read again, on the live socket (after an event the view cannot fold): it replaces what the view had. */
  | { readonly type: 'snapshot'; readonly session: GameSessionView; readonly seq: number; readonly online: readonly string[] }
  /** A resubscription after a reconnect: presence went on without this tab meanwhile. */
  | { readonly type: 'online'; readonly online: readonly string[] }
  | { readonly type: 'presence'; readonly presence: PresenceChanged }
  | { readonly type: 'event'; readonly event: SessionEventView }
  | { readonly type: 'history'; readonly events: readonly SessionEventView[] }
  | { readonly type: 'historyFailed'; readonly detail: string }
  | { readonly type: 'failed'; readonly detail: string }
  | { readonly type: 'removed'; readonly removal: RemovalView };

export const LOADING: LiveSessionState = { phase: 'loading', early: [] };

export function liveSessionReducer(state: LiveSessionState, action: LiveSessionAction): LiveSessionState {
  switch (action.type) {
    case 'subscribed': {
      const ready: LiveSessionState = {
        phase: 'ready',
        session: action.session,
        seq: action.seq,
        history: undefined,
        historyError: undefined,
        online: new Set(action.online),
      };
      return state.phase === 'loading' ? state.early.reduce(applyEvent, ready) : ready;
    }
    case 'event':
      if (state.phase === 'loading') return { ...state, early: [...state.early, action.event] };
      return applyEvent(state, action.event);
    case 'snapshot':
      return state.phase === 'ready' ? { ...state, session: action.session, seq: action.seq, online: new Set(action.online) } : state;
    case 'online':
      return state.phase === 'ready' ? { ...state, online: new Set(action.online) } : state;
    case 'presence': {
      if (state.phase !== 'ready') return state;
      const online = new Set(state.online);
      if (action.presence.online) online.add(action.presence.userId);
      else online.delete(action.presence.userId);
      return { ...state, online };
    }
    case 'history':
      if (state.phase !== 'ready') return state;
      return { ...state, history: mergeBySeq(state.history ?? [], action.events), historyError: undefined };
    case 'historyFailed':
      return state.phase === 'ready' ? { ...state, historyError: action.detail } : state;
    case 'failed':
      return state.phase === 'removed' ? state : { phase: 'failed', detail: action.detail };
    case 'removed': {
      if (state.phase !== 'ready') return { phase: 'removed', removal: action.removal, title: undefined };
      // The live event names the remover by id: the roster still knows their name.
      const remover = action.removal.removedBy && state.session.players.find((p) => p.userId === action.removal.removedBy!.userId);
      const removedBy = remover ? { userId: remover.userId, displayName: remover.displayName } : action.removal.removedBy;
      return { phase: 'removed', removal: { ...action.removal, removedBy }, title: state.session.title };
    }
  }
}

/** The feed sends each event once and in order; a repeat (a reconnect's catch-up) changes nothing. */
function applyEvent(state: LiveSessionState, event: SessionEventView): LiveSessionState {
  if (state.phase !== 'ready' || event.seq <= state.seq) return state;
  // Into the history at once; into the roster with the session read again (a 'snapshot').
  if (needsReading(event)) return { ...state, history: state.history && mergeBySeq(state.history, [event]) };
  return {
    ...state,
    session: evolveView(state.session, event),
    seq: event.seq,
    history: state.history && mergeBySeq(state.history, [event]),
  };
}

function mergeBySeq(known: readonly SessionEventView[], more: readonly SessionEventView[]): SessionEventView[] {
  const bySeq = new Map(known.map((event) => [event.seq, event]));
  for (const event of more) bySeq.set(event.seq, event);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
