export interface SignedInUser {
  readonly token: string;
  /** The token's `sub`, as the server reads it (lower case). */
  readonly userId: string;
  /** The token's `name` claim, when it has one: what the page calls its user until a roster names them. */
  readonly name: string | undefined;
}

/**
 * localStorage, not sessionStorage: every tab of this browser is the same user, so a removal
 * reaches each of their open tabs and signing out in one signs out all. Two users at once need
 * two browser profiles (or, in the browser tests, two contexts).
 */
const STORAGE_KEY = 'game-session-console.token';

/** Reads the user id out of a JWT. The signature is the server's business: it refuses a bad one. */
export function userOfToken(token: string): SignedInUser {
  const payload = token.split('.')[1];
  let claims: { sub?: unknown; name?: unknown } | undefined;
  try {
    claims = payload ? JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) : undefined;
  } catch {
    claims = undefined;
  }
  if (typeof claims?.sub !== 'string') throw new Error('That is not a JWT with a user id (sub): paste the whole token.');
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : undefined;
  return { token, userId: claims.sub.toLowerCase(), name };
}

export function storedUser(): SignedInUser | undefined {
  const token = localStorage.getItem(STORAGE_KEY);
  if (!token) return undefined;
  try {
    return userOfToken(token);
  } catch {
    return undefined;
  }
}

export const rememberUser = (user: SignedInUser): void => localStorage.setItem(STORAGE_KEY, user.token);
export const forgetUser = (): void => localStorage.removeItem(STORAGE_KEY);

/** Calls back when another tab signs in or out. */
export function onUserChangedElsewhere(callback: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) callback();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
