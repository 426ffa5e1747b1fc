import { type ReactNode, useEffect } from 'react';
import { isFinalStatus } from '../../../src/game-sessions/domain/game-session-status';
import type { RosterApi } from '../api/roster-api';
import type { GameSessionView, SessionEventView } from '../../../src/contract';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorMessage } from '../components/error-message';
import { useConfirmation } from '../components/use-confirmation';
import { type LiveConnection, useLiveSession } from '../live/use-live-session';
import { followLink } from '../navigation';
import { AddParticipantForm } from '../session/add-participant-form';
import { BansPanel } from '../session/bans-panel';
import { HistoryTable, describeEvent, namer } from '../session/history-table';
import { InvitationsPanel } from '../session/invitations-panel';
import { JoinRequestsPanel } from '../session/join-requests-panel';
import { StatusBadge, statusName } from '../session/labels';
import { RosterPanel } from '../session/roster-panel';
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
      {isGameMaster && !frozen && <AddParticipantForm api={api} sessionId={session.id} />}
      {isGameMaster && !frozen && <JoinRequestsPanel api={api} sessionId={session.id} news={joinRequestNews} />}
      {isGameMaster && !frozen && <InvitationsPanel api={api} sessionId={session.id} freshness={`${session.version}:${joinRequestNews}`} />}
      <RosterPanel api={api} me={me} session={session} online={online} canRemove={isGameMaster && !frozen} />
      {isGameMaster && <BansPanel api={api} sessionId={session.id} version={session.version} />}
      {!isGameMaster && !frozen && myType && <LeaveSession api={api} me={me} session={session} type={myType} />}
      {children}
    </main>
  );
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


/** Changes made elsewhere, said politely to screen readers as they arrive: who did what. */
function LiveAnnouncement({ event, session, me }: { event: SessionEventView | undefined; session: GameSessionView; me: string }) {
  const said = event && describeEvent(event, session.ownerId, namer(session.players, session.ownerId, me));
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="live-announcement">
      {said ? `${said.actor}: ${said.what}` : ''}
    </p>
  );
}
