import { Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { TokenVerifier } from '../auth/token-verifier';
import { AppConfig } from '../config/app-config';

/** As long as `npm run token` makes them by default. */
export const DEV_TOKEN_TTL_SECONDS = 3600;

/** Signs a token as `npm run token` does, with the very key the server verifies HS256 tokens with. */
@Injectable()
export class DevTokenIssuer {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly config: AppConfig,
  ) {}

  issue(userId: string): Promise<string> {
    if (!this.tokens.sharedSecret) throw new Error('development tokens need a shared secret');
    const token = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime(`${DEV_TOKEN_TTL_SECONDS}s`);
    // Where the server checks them, the tokens it signs must pass.
    if (this.config.jwtIssuer) token.setIssuer(this.config.jwtIssuer);
    if (this.config.jwtAudience) token.setAudience(this.config.jwtAudience);
    return token.sign(this.tokens.sharedSecret);
  }
}
