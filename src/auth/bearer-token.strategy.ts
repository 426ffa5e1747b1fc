import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './bearer-token';
import { TokenVerifier } from './token-verifier';

type Verified = (error: Error | null, user?: AuthenticatedUser) => void;

/** Passport's side of a bearer token: it hands the token over, and lets in whom the verifier names. */
class BearerTokenPassport extends Strategy {
  constructor(private readonly verifyToken: (token: string | undefined, done: Verified) => void) {
    super();
  }

  override authenticate(request: Request): void {
    this.verifyToken(bearerToken(request), (error, user) => (user ? this.success(user) : this.error(error!)));
  }
}

/** The REST guard's strategy ('jwt'), with the very check the socket handshake runs. */
@Injectable()
export class BearerTokenStrategy extends PassportStrategy(BearerTokenPassport, 'jwt') {
  constructor(private readonly tokens: TokenVerifier) {
    super();
  }

  validate(token: string | undefined): Promise<AuthenticatedUser> {
    return this.tokens.verify(token);
  }
}
