import { Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { TokenKeys } from '../auth/token-keys';
import { AppConfig } from '../config/app-config';

/** As long as `npm run token` makes them by default. */
export const DEV_TOKEN_TTL_SECONDS = 3600;

/** Signs a token as `npm run token` does, with the very key the server verifies HS256 tokens with. */
@Injectable()
export class DevTokenIssuer {
  constructor(
    private readonly keys: TokenKeys,
    private readonly config: AppConfig,
  ) {}

  issue(userId: string): string {
    if (!this.keys.sharedSecret) throw new Error('development tokens need a shared secret');
    return sign({ sub: userId }, this.keys.sharedSecret, {
      algorithm: 'HS256',
      expiresIn: DEV_TOKEN_TTL_SECONDS,
      // Where the server checks them, the tokens it signs must pass.
      ...(this.config.jwtIssuer ? { issuer: this.config.jwtIssuer } : {}),
      ...(this.config.jwtAudience ? { audience: this.config.jwtAudience } : {}),
    });
  }
}
