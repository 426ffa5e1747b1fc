import { type FormEvent, useEffect, useState } from 'react';
import { describeFailure } from '../api/problem';
import { RosterApi, publicApi } from '../api/roster-api';
import { type SignedInUser, userOfToken } from '../auth/signed-in-user';
import { ErrorMessage } from '../components/error-message';
import { useRequest } from '../components/use-request';
import { UserIdField } from '../components/user-id-field';

interface SignInScreenProps {
  /** Why the user is here again (an expired token, say). */
  readonly notice: string | undefined;
  readonly onSignedIn: (user: SignedInUser) => void;
}

export function SignInScreen({ notice, onSignedIn }: SignInScreenProps) {
  const [devSignIn, setDevSignIn] = useState(false);
  const [settingsError, setSettingsError] = useState<string>();

  useEffect(() => {
    publicApi.settings().then(
      (settings) => setDevSignIn(settings.devSignIn),
      (error: unknown) => setSettingsError(`Could not ask the server how to sign in: ${describeFailure(error)}`),
    );
  }, []);

  return (
    <main className="sign-in">
      <h1>Game session console</h1>
      <p className="muted">Sign in to see your game sessions, seat and remove participants, and watch the roster live.</p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage>{settingsError}</ErrorMessage>
      <TokenSignIn onSignedIn={onSignedIn} />
      {devSignIn && <DevSignIn onSignedIn={onSignedIn} />}
    </main>
  );
}

/** Any JWT the server accepts; it is tried on the API before the console keeps it. */
function TokenSignIn({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const request = useRequest();
  const [token, setToken] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await request.run(async () => {
      const user = userOfToken(token.trim());
      await new RosterApi(user.token).listSessions();
      onSignedIn(user);
    });
  }

  return (
    <form className="panel" aria-labelledby="token-sign-in" onSubmit={submit}>
      <h2 id="token-sign-in">Paste a token</h2>
      <label className="field">
        Bearer token (JWT)
        <textarea value={token} onChange={(event) => setToken(event.target.value)} required rows={4} spellCheck={false} />
      </label>
      <button type="submit" className="primary" disabled={request.pending}>
        Sign in
      </button>
      <ErrorMessage>{request.error}</ErrorMessage>
    </form>
  );
}

/** Outside production the server mints a token for any user id: for trying the console out. */
function DevSignIn({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const request = useRequest();
  const [userId, setUserId] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await request.run(async () => onSignedIn(userOfToken((await publicApi.mintDevToken(userId.trim())).token)));
  }

  return (
    <form className="panel dev" aria-labelledby="dev-sign-in" onSubmit={submit}>
      <h2 id="dev-sign-in">Sign in as… (development)</h2>
      <p className="muted">This server is not in production: it signs a token for any user id, valid one hour.</p>
      <UserIdField value={userId} onChange={setUserId} placeholder="11111111-1111-4111-8111-111111111111" />
      <div className="button-row">
        <button type="submit" className="primary" disabled={request.pending}>
          Sign in as this user
        </button>
        <button type="button" onClick={() => setUserId(randomUserId())}>
          New user id
        </button>
      </div>
      <ErrorMessage>{request.error}</ErrorMessage>
    </form>
  );
}

/** crypto.randomUUID exists only on secure origins; the console may be opened over plain http. */
function randomUserId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
