import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { isFinalStatus } from '../../../src/game-sessions/domain/game-session-status';
import { PlayerType } from '../../../src/game-sessions/domain/player-type';
import { type RosterApi, publicApi } from '../api/roster-api';
import type { GameSessionView, ParticipantView, SessionEventView } from '../../../src/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { useConfirmation } from '../components/use-confirmation';
import { useRequest } from '../components/use-request';
import { type LiveConnection, useLiveSession } from '../live/use-live-session';
import { followLink } from '../navigation';
import { AddParticipantForm } from '../session/add-participant-form';
import { BansPanel } from '../session/bans-panel';
import { InvitationsPanel } from '../session/invitations-panel';
import { JoinRequestsPanel } from '../session/join-requests-panel';
import { NO_TERMS, RemovalTermsFields, type RemovalTermsInput, termsOf } from '../session/removal-terms';
import { UndoToast } from '../session/undo-toast';
import { HistoryTable, describeEvent, namer } from '../session/history-table';
import { StatusBadge, UserId, statusName } from '../session/labels';
import { type RosterControls, RosterTable } from '../session/roster-table';
import { StatusMoves } from '../session/status-moves';
import { RemovedScreen } from './removed-screen';

interface SessionScreenProps {
  readonly api: RosterApi;
  readonly token: string;
  readonly me: string;
  readonly sessionId: string;
  readonly onSignedOut: (detail: string) => void;
}

export function SessionScreen({ api, token, me, sessionId, onSignedOut }: SessionScreenProps) {
  const { state, connection, lastChange, joinRequestNews } = useLiveSession(api, token, sessionId, onSignedOut);
  switch (state.phase) {
    case 'loading':
      return (
        <main>
          <BackLink />
          <p className="muted" role="status">
            Loading the session…
          </p>
        </main>
      );
    case 'failed':
      return (
        <main>
          <BackLink />
          <h1>This session cannot be shown</h1>
          <ErrorMessage>{state.detail}</ErrorMessage>
        </main>
      );
    case 'removed':
      return <RemovedScreen removal={state.removal} title={state.title} />;
    case 'ready':
      return (
        <SessionPage
          api={api}
          me={me}
          session={state.session}
          online={state.online}
          connection={connection}
          lastChange={lastChange}
          joinRequestNews={joinRequestNews}
        >
          <HistoryTable events={state.history} error={state.historyError} ownerId={state.session.ownerId} me={me} players={state.session.players} />
        </SessionPage>
      );
  }
}

interface SessionPageProps {
  readonly api: RosterApi;
  readonly me: string;
  readonly session: GameSessionView;
  readonly online: ReadonlySet<string>;
  readonly connection: LiveConnection;
  /** The latest change heard live, for screen readers. */
  readonly lastChange: SessionEventView | undefined;
  readonly joinRequestNews: number;
  readonly children: ReactNode;
}

function SessionPage({ api, me, session, online, connection, lastChange, joinRequestNews, children }: SessionPageProps) {
  // The tab says which table it shows.
  useEffect(() => {
    document.title = `${session.title} · Game session console`;
  }, [session.title]);
  const isGameMaster = session.ownerId === me;
  const frozen = isFinalStatus(session.status);
  const myType = session.players.find((participant) => participant.userId === me)?.type;
  return (
    <main>
      <BackLink />
      <LiveAnnouncement event={lastChange} session={session} me={me} />
      <header className="session-header">
        <h1>{session.title}</h1>
        <div className="session-facts">
          <StatusBadge status={session.status} />
          <span>{isGameMaster ? 'You are the Game Master' : `You are a ${myType ?? 'participant'}`}</span>
          <LiveIndicator connection={connection} />
        </div>
      </header>
      {/* Even when frozen: the moves' panel goes, but a confirmation left open stays for the server to refuse. */}
      {isGameMaster && <StatusMoves api={api} session={session} />}
      {frozen && (
        <p className="notice">
          This session is {statusName(session.status)}: its roster is frozen.
        </p>
      )}
      {isGameMaster && !frozen && <JoinRequestsPanel api={api} sessionId={session.id} news={joinRequestNews} />}
      {isGameMaster && !frozen && <InvitationsPanel api={api} sessionId={session.id} freshness={`${session.version}:${joinRequestNews}`} />}
      <RosterPanel api={api} me={me} session={session} online={online} canRemove={isGameMaster && !frozen} />
      {isGameMaster && <BansPanel api={api} sessionId={session.id} version={session.version} />}
      {isGameMaster && !frozen && <AddParticipantForm api={api} sessionId={session.id} />}
      {!isGameMaster && !frozen && myType && <LeaveSession api={api} me={me} session={session} type={myType} />}
      {children}
    </main>
  );
}

/**
 * The roster, and the Game Master's removal behind a confirmation. The dialog stays open if the
 * session changes meanwhile (finished elsewhere, say): the server decides, and its refusal shows.
 */
interface RosterPanelProps {
  readonly api: RosterApi;
  readonly me: string;
  readonly session: GameSessionView;
  readonly online: ReadonlySet<string>;
  readonly canRemove: boolean;
}

function RosterPanel({ api, me, session, online, canRemove }: RosterPanelProps) {
  const removal = useConfirmation<ParticipantView>();
  const target = removal.subject;
  const [terms, setTerms] = useState<RemovalTermsInput>(NO_TERMS);
  const [undoable, setUndoable] = useState<ParticipantView>();
  const restoreWindow = useRestoreWindow(canRemove);
  const ask = (participant: ParticipantView) => {
    setTerms(NO_TERMS);
    removal.ask(participant);
  };
  const remove = (participant: ParticipantView) =>
    api.removeParticipant(session.id, participant.userId, termsOf(terms)).then(() => {
      setUndoable(participant);
      const removable = session.players.filter((p) => p.type !== PlayerType.Master);
      setFocusAfter({ userId: participant.userId, place: removable.findIndex((p) => p.userId === participant.userId) });
    });
  // After a removal the row is gone, and with it the focus: it goes to the row that took its place.
  const [focusAfter, setFocusAfter] = useState<{ userId: string; place: number }>();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!focusAfter || session.players.some((p) => p.userId === focusAfter.userId)) return;
    setFocusAfter(undefined);
    const buttons = [...(panel.current?.querySelectorAll<HTMLButtonElement>('button[aria-label^="Remove "]') ?? [])];
    const next = buttons[Math.min(focusAfter.place, buttons.length - 1)];
    (next ?? panel.current?.querySelector<HTMLElement>('#roster'))?.focus();
  }, [focusAfter, session.players]);
  const dismiss = useCallback(() => setUndoable(undefined), []);
  const handOver = useConfirmation<ParticipantView>();
  const [then, setThen] = useState<'stay' | 'leave'>('stay');
  const typeChange = useRequest();
  const controls: RosterControls | undefined = canRemove
    ? {
        remove: ask,
        changeType: (participant, type) => void typeChange.run(() => api.changeType(session.id, participant.userId, type)),
        handOver: (participant) => {
          setThen('stay');
          handOver.ask(participant);
        },
        pending: typeChange.pending,
      }
    : undefined;
  const mySeat = session.players.find((p) => p.userId === me);
  return (
    <section className="panel" aria-labelledby="roster" ref={panel}>
      <h2 id="roster" tabIndex={-1}>
        Roster ({session.players.length})
      </h2>
      <p className="muted counts">
        {session.players.filter((p) => online.has(p.userId)).length} of {session.players.length} online
      </p>
      <ErrorMessage>{typeChange.error}</ErrorMessage>
      <RosterTable players={session.players} me={me} online={online} controls={controls} />
      <ConfirmDialog
        {...handOver.dialog}
        title="Hand over the Game Master role"
        confirmLabel="Hand over"
        onConfirm={() => handOver.confirm((participant) => api.handOver(session.id, participant.userId, then))}
      >
        {handOver.subject && (
          <>
            <p>
              Make {nameOf(handOver.subject)} the Game Master of “{session.title}”? They take the Master seat and run the table;
              you, {mySeat ? nameOf(mySeat) : 'the Game Master now'}, can no longer manage it.
            </p>
            <fieldset className="choice">
              <legend>Then you</legend>
              <label>
                <input type="radio" name="then" checked={then === 'stay'} onChange={() => setThen('stay')} /> stay as a Player
              </label>
              <label>
                <input type="radio" name="then" checked={then === 'leave'} onChange={() => setThen('leave')} /> leave the session
              </label>
            </fieldset>
          </>
        )}
      </ConfirmDialog>
      {undoable && restoreWindow && (
        <UndoToast
          key={undoable.userId}
          who={undoable.displayName ?? undoable.userId}
          seconds={restoreWindow}
          onUndo={() => api.restoreParticipant(session.id, undoable.userId)}
          onDone={dismiss}
        />
      )}
      <ConfirmDialog {...removal.dialog} title="Remove participant" confirmLabel="Remove participant" onConfirm={() => removal.confirm(remove)}>
        {target && (
          <>
            <p>
              Remove {target.displayName && <strong>{target.displayName} </strong>}
              <UserId id={target.userId} />, seated as <strong>{target.type}</strong>, from “{session.title}”? They see at once that
              they were removed; only you can seat them again.
            </p>
            <RemovalTermsFields value={terms} onChange={setTerms} />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** How long a removal can be undone here, as the server says; read once, for the Game Master. */
function useRestoreWindow(wanted: boolean): number | undefined {
  const [seconds, setSeconds] = useState<number>();
  useEffect(() => {
    if (!wanted) return;
    publicApi.settings().then(
      (settings) => setSeconds(settings.restoreWindowSeconds),
      () => setSeconds(undefined),
    );
  }, [wanted]);
  return seconds;
}

/** A participant leaves; the server then tells every tab of theirs, this one included. */
function LeaveSession({ api, me, session, type }: { api: RosterApi; me: string; session: GameSessionView; type: string }) {
  const leaving = useConfirmation<string>();
  return (
    <section className="panel" aria-labelledby="leave">
      <h2 id="leave">Leave</h2>
      <p className="muted">You sit here as a {type}. Leaving takes you off the roster; only the Game Master can seat you again.</p>
      <button type="button" className="danger" onClick={() => leaving.ask(me)}>
        Leave session
      </button>
      <ConfirmDialog
        {...leaving.dialog}
        title="Leave session"
        confirmLabel="Leave session"
        onConfirm={() => leaving.confirm((userId) => api.removeParticipant(session.id, userId))}
      >
        <p>
          Leave “{session.title}”, where you sit as <strong>{type}</strong>?
        </p>
      </ConfirmDialog>
    </section>
  );
}

function LiveIndicator({ connection }: { connection: LiveConnection }) {
  const text = connection === 'connected' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span className={`live live-${connection}`} role="status" title="Changes made elsewhere appear here as they happen">
      {text}
    </span>
  );
}

function BackLink() {
  return (
    <nav className="back">
      <a href="/" onClick={followLink}>
        ← My sessions
      </a>
    </nav>
  );
}

/** A participant as the page names them: their name, else their id. */
const nameOf = (participant: ParticipantView): string => participant.displayName ?? participant.userId;

/** Changes made elsewhere, said politely to screen readers as they arrive: who did what. */
function LiveAnnouncement({ event, session, me }: { event: SessionEventView | undefined; session: GameSessionView; me: string }) {
  const said = event && describeEvent(event, session.ownerId, namer(session.players, session.ownerId, me));
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-announcement">
      {said ? `${said.actor}: ${said.what}` : ''}
    </p>
  );
}
