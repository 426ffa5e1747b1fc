import { type FormEvent, useEffect, useState } from 'react';
import { type Socket, io } from 'socket.io-client';
import type { ClientToServerEvents, InvitationPreviewView, ServerToClientEvents } from '../../../src/contract';
import type { RosterApi } from '../api/roster-api';
import { describeFailure } from '../api/problem';
import { ErrorMessage } from '../components/error-message';
import { useRequest } from '../components/use-request';
import { followLink, navigate, sessionPath } from '../navigation';

type Phase = { readonly step: 'asking' } | { readonly step: 'waiting'; readonly sessionId: string } | { readonly step: 'declined' };

interface JoinScreenProps {
  readonly api: RosterApi;
  readonly token: string;
  readonly me: string;
  /** The token's name: asked for only when there is none. */
  readonly name: string | undefined;
  readonly code: string;
}

/** `/join/<code>`: what the link opens, and one click to join (or to ask the Game Master, then wait). */
export function JoinScreen({ api, token, me, name, code }: JoinScreenProps) {
  const [preview, setPreview] = useState<InvitationPreviewView>();
  const [previewError, setPreviewError] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ step: 'asking' });
  const [displayName, setDisplayName] = useState('');
  const join = useRequest();

  useEffect(() => {
    document.title = 'Join a session · Game session console';
    api.previewInvitation(code).then(setPreview, (error: unknown) => setPreviewError(describeFailure(error)));
  }, [api, code]);

  useEffect(() => {
    if (phase.step !== 'waiting') return;
    // The answer comes to every socket of the user, subscribed to nothing.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/game-sessions', { auth: { token }, transports: ['websocket'] });
    socket.on('JoinRequestApproved', (notice) => notice.sessionId === phase.sessionId && navigate(sessionPath(phase.sessionId)));
    socket.on('JoinRequestDenied', (notice) => notice.sessionId === phase.sessionId && setPhase({ step: 'declined' }));
    return () => {
      socket.disconnect();
    };
  }, [phase, token]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const given = displayName.trim() === '' ? undefined : displayName.trim();
    await join.run(async () => {
      const answer = await api.acceptInvitation(code, given);
      if ('joinRequest' in answer) setPhase({ step: 'waiting', sessionId: preview!.sessionId });
      else navigate(sessionPath(answer.id));
    });
  }

  if (previewError) {
    return (
      <main className="join">
        <h1>This invitation cannot be used</h1>
        <ErrorMessage>{previewError}</ErrorMessage>
        <BackHome />
      </main>
    );
  }
  if (!preview) {
    return (
      <main className="join">
        <p className="muted" role="status">
          Reading the invitation…
        </p>
      </main>
    );
  }
  const gameMaster = preview.gameMaster.displayName ?? 'The Game Master';
  if (phase.step === 'waiting') {
    return (
      <main className="join">
        <h1>Waiting for {gameMaster} to let you in</h1>
        <p role="status">
          You asked to join “{preview.title}” as a {preview.type}. This page opens the session as soon as you are let in.
        </p>
        <button type="button" onClick={() => api.withdrawJoinRequest(phase.sessionId, me).then(() => setPhase({ step: 'asking' }))}>
          Withdraw my request
        </button>
      </main>
    );
  }
  if (phase.step === 'declined') {
    return (
      <main className="join">
        <h1>{gameMaster} declined your request</h1>
        <p>You are not seated in “{preview.title}”.</p>
        <BackHome />
      </main>
    );
  }
  return (
    <main className="join">
      <h1>Join “{preview.title}”</h1>
      <p>
        {gameMaster} invites you to sit as a <strong>{preview.type}</strong>.
        {preview.approval && ' They let each joiner in themselves: joining asks them first.'}
      </p>
      <form onSubmit={submit} className="panel">
        {name ? (
          <p>
            You join as <strong>{name}</strong>.
          </p>
        ) : (
          <label className="field">
            Your name at the table
            <input value={displayName} maxLength={64} onChange={(event) => setDisplayName(event.target.value)} />
          </label>
        )}
        <button type="submit" className="primary" disabled={join.pending}>
          {preview.approval ? 'Ask to join' : 'Join'}
        </button>
        <ErrorMessage>{join.error}</ErrorMessage>
      </form>
    </main>
  );
}

function BackHome() {
  return (
    <a className="button" href="/" onClick={followLink}>
      Back to my sessions
    </a>
  );
}
