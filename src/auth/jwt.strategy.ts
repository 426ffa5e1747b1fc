import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { UUID_PATTERN } from '../common/uuid';
import { AuthenticatedUser } from './authenticated-user';

interface TokenClaims {
  sub?: unknown;
  exp?: unknown;
  name?: unknown;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      // Pinned: a token may not choose its own algorithm (no "none", no RS/HS confusion).
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: TokenClaims): AuthenticatedUser {
    if (typeof claims.sub !== 'string' || !UUID_PATTERN.test(claims.sub)) {
      throw new UnauthorizedException('The bearer token has no user id (sub must be a UUID)');
    }
    if (typeof claims.exp !== 'number') throw new UnauthorizedException('The bearer token must carry an expiry (exp)');
    return { id: claims.sub.toLowerCase(), ...(typeof claims.name === 'string' ? { name: claims.name } : {}) };
  }
}
