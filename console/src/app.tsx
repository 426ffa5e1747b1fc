import { useCallback, useEffect, useMemo, useState } from 'react';
import { RosterApi } from './api/roster-api';
import { type SignedInUser, forgetUser, onUserChangedElsewhere, rememberUser, storedUser } from './auth/signed-in-user';
import { invitationCodeOf, sessionIdOf, usePath } from './navigation';
import { JoinScreen } from './screens/join-screen';
import { MySessionsScreen } from './screens/my-sessions-screen';
import { SessionScreen } from './screens/session-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { UserId } from './session/labels';

export function App() {
  const [user, setUser] = useState<SignedInUser | undefined>(storedUser);
  const [notice, setNotice] = useState<string>();
  const path = usePath();

  useEffect(() => onUserChangedElsewhere(() => setUser(storedUser())), []);

  const signIn = useCallback((signedIn: SignedInUser) => {
    rememberUser(signedIn);
    setNotice(undefined);
    setUser(signedIn);
  }, []);
  const signOut = useCallback((why?: string) => {
    forgetUser();
    setNotice(why);
    setUser(undefined);
  }, []);
  const api = useMemo(() => user && new RosterApi(user.token, signOut), [user, signOut]);

  if (!user || !api) return <SignInScreen notice={notice} onSignedIn={signIn} />;
  const sessionId = sessionIdOf(path);
  const code = invitationCodeOf(path);
  return (
    <>
      <header className="top-bar">
        <span className="brand">Game session console</span>
        <span className="signed-in">
          Signed in as {user.name && <strong className="display-name">{user.name} </strong>}
          <UserId id={user.userId} />
        </span>
        <button type="button" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      {code ? (
        <JoinScreen key={code} api={api} token={user.token} me={user.userId} name={user.name} code={code} />
      ) : sessionId ? (
        <SessionScreen key={sessionId} api={api} token={user.token} me={user.userId} sessionId={sessionId} onSignedOut={signOut} />
      ) : (
        <MySessionsScreen api={api} token={user.token} me={user.userId} />
      )}
    </>
  );
}
