import { Injectable } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { AppConfig } from '../config/app-config';
import { AuthenticatedUser } from './authenticated-user';
import { userFromClaims } from './token-claims';
import { TokenKeys } from './token-keys';

/** Verifies a raw token exactly as the REST guard does: for the socket handshake and the guard itself. */
@Injectable()
export class TokenVerifier {
  constructor(
    private readonly config: AppConfig,
    private readonly keys: TokenKeys,
  ) {}

  /** @throws when the token is missing, malformed, expired, badly signed or names no user */
  async verify(token: unknown): Promise<AuthenticatedUser> {
    if (typeof token !== 'string' || token === '') throw new Error('no token');
    const { key, algorithm } = await this.keys.keyFor(token);
    const claims = verify(token, key, {
      algorithms: [algorithm],
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
    });
    if (typeof claims === 'string') throw new Error('the token has no claims');
    return userFromClaims(claims);
  }
}
