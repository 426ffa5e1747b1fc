import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthenticatedUser } from './authenticated-user';
import { isPublic } from './public.decorator';

/** Applied to every route: a route is open only when it says so with @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    return isPublic(this.reflector, context) || super.canActivate(context);
  }

  override handleRequest<User = AuthenticatedUser>(error: unknown, user: User | false, info: unknown): User {
    if (error instanceof UnauthorizedException) throw error;
    if (error || !user) throw new UnauthorizedException(describeTokenProblem(info));
    return user;
  }
}

function describeTokenProblem(info: unknown): string {
  const name = info instanceof Error ? info.name : '';
  if (name === 'TokenExpiredError') return 'The bearer token has expired';
  if (name === 'JsonWebTokenError' || name === 'NotBeforeError') return 'The bearer token is invalid';
  return 'A bearer token is required (Authorization: Bearer <JWT>)';
}
