import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { AuthenticatedUser } from './authenticated-user';
import { TOKEN_ALGORITHMS, userFromClaims } from './token-claims';

/** Verifies a raw token outside HTTP (the socket handshake) exactly as the REST guard does. */
@Injectable()
export class TokenVerifier {
  constructor(private readonly config: AppConfig) {}

  /** @throws when the token is missing, malformed, expired, badly signed or names no user */
  verify(token: unknown): AuthenticatedUser {
    if (typeof token !== 'string' || token === '') throw new Error('no token');
    const claims = verify(token, this.config.jwtSecret, {
      algorithms: [...TOKEN_ALGORITHMS],
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
    });
    if (typeof claims === 'string') throw new Error('the token has no claims');
    return userFromClaims(claims);
  }
}
