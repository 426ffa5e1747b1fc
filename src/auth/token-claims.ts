import { UUID_PATTERN } from '../contract/uuid';
import { AuthenticatedUser } from './authenticated-user';

/** A token whose signature held but whose claims do not name a user as this service wants. */
export class UnacceptableClaims extends Error {}

interface TokenClaims {
  sub?: unknown;
  exp?: unknown;
  name?: unknown;
}

/** The same rules for REST and the socket gateway: `sub` is a UUID, `exp` is present, `name` optional. */
export function userFromClaims(claims: TokenClaims): AuthenticatedUser {
  if (typeof claims.sub !== 'string' || !UUID_PATTERN.test(claims.sub)) {
    throw new UnacceptableClaims('The bearer token has no user id (sub must be a UUID)');
  }
  if (typeof claims.exp !== 'number') throw new UnacceptableClaims('The bearer token must carry an expiry (exp)');
  return {
    id: claims.sub.toLowerCase(),
    expiresAt: new Date(claims.exp * 1000),
    ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
  };
}
