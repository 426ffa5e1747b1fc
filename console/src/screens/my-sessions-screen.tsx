import { type FormEvent, useEffect, useState } from 'react';
import { describeFailure } from '../api/problem';
import type { RosterApi } from '../api/roster-api';
import { type Socket, io } from 'socket.io-client';
import type { ClientToServerEvents, GameSessionView, ServerToClientEvents } from '../../../src/contract';
import { ErrorMessage } from '../components/error-message';
import { TableHead } from '../components/table-head';
import { useRequest } from '../components/use-request';
import { followLink, navigate, sessionPath } from '../navigation';
import { StatusBadge, formatTime } from '../session/labels';

/** The sessions the user sits in, newest first, and a form to start a new one as its Game Master. */
export function MySessionsScreen({ api, token, me }: { api: RosterApi; token: string; me: string }) {
  const [sessions, setSessions] = useState<readonly GameSessionView[]>();
  const [loadError, setLoadError] = useState<string>();
  const [news, setNews] = useState(0);

  useEffect(() => {
    document.title = 'My sessions · Game session console';
  }, []);

  useEffect(() => {
    api.listSessions().then(
      (mine) => {
        setSessions(mine);
        setLoadError(undefined);
      },
      (error: unknown) => setLoadError(describeFailure(error)),
    );
  }, [api, news]);

  // The user's own feed: seated, removed or restored anywhere, the list is read again at once.
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/game-sessions', { auth: { token }, transports: ['websocket'] });
    const again = () => setNews((n) => n + 1);
    socket.on('AddedToSession', again);
    socket.on('RemovedFromSession', again);
    socket.on('RestoredToSession', again);
    return () => {
      socket.disconnect();
    };
  }, [token]);

  return (
    <main>
      <h1>My sessions</h1>
      <CreateSessionForm api={api} />
      <section className="panel" aria-labelledby="session-list">
        <h2 id="session-list">Sessions I sit in</h2>
        <ErrorMessage>{loadError}</ErrorMessage>
        {!sessions && !loadError && <p className="muted">Loading your sessions…</p>}
        {sessions?.length === 0 && <p className="muted">None yet: create one above, or ask a Game Master to seat you.</p>}
        {sessions && sessions.length > 0 && (
          <table className="sessions" aria-label="My sessions">
            <TableHead columns={['Title', 'Status', 'You are', 'Participants', 'Created']} />
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <a href={sessionPath(session.id)} onClick={followLink}>
                      {session.title}
                    </a>
                  </td>
                  <td>
                    <StatusBadge status={session.status} />
                  </td>
                  <td>{session.ownerId === me ? 'Game Master' : session.players.find((p) => p.userId === me)?.type}</td>
                  <td>{session.players.length}</td>
                  <td>{formatTime(session.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function CreateSessionForm({ api }: { api: RosterApi }) {
  const request = useRequest();
  const [title, setTitle] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await request.run(async () => navigate(sessionPath((await api.createSession(title)).id)));
  }

  return (
    <form className="panel" aria-labelledby="create-session" onSubmit={submit}>
      <h2 id="create-session">New session</h2>
      <div className="field-row">
        <label className="field grow">
          Title
          <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="Curse of Strahd, night 3" />
        </label>
        <button type="submit" className="primary" disabled={request.pending}>
          Create session
        </button>
      </div>
      <ErrorMessage>{request.error}</ErrorMessage>
    </form>
  );
}
