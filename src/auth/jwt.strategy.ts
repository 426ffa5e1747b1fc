import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { AuthenticatedUser } from './authenticated-user';
import { TOKEN_ALGORITHMS, UnacceptableClaims, userFromClaims } from './token-claims';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: [...TOKEN_ALGORITHMS],
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
