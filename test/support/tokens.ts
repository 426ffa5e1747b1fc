import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** A valid bearer token for `userId` (with a `name` claim when given), signed as the app under test expects. */
export function tokenFor(userId: string, secret = TEST_JWT_SECRET, name?: string): string {
  return sign(name === undefined ? { sub: userId } : { sub: userId, name }, secret, { algorithm: 'HS256', expiresIn: 600 });
}

export const newUserId = (): string => randomUUID();
