import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { AuthenticatedUser } from './authenticated-user';
import { UnacceptableClaims, userFromClaims } from './token-claims';
import { TokenKeys } from './token-keys';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig, keys: TokenKeys) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // The key follows the token's declared algorithm, and each key verifies one algorithm only:
      // the secret HS256, the identity provider's RSA keys RS256. No "none", no confusion.
      // passport-jwt's types say string or Buffer; it hands the key to jsonwebtoken, which takes a KeyObject.
      secretOrKeyProvider: (_request: unknown, rawToken: string, done: (error: unknown, key?: string) => void) =>
        keys.keyFor(rawToken).then(({ key }) => done(null, key as unknown as string), (error: unknown) => done(error)),
      algorithms: ['HS256', 'RS256'],
      ignoreExpiration: false,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    });
  }

  validate(claims: object): AuthenticatedUser {
    try {
      return userFromClaims(claims);
    } catch (error) {
      if (error instanceof UnacceptableClaims) throw new UnauthorizedException(error.message);
      throw error;
    }
  }
}
