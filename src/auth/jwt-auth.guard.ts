import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthenticatedUser } from './authenticated-user';
import { isPublic } from './public.decorator';
import { TokenRefused } from './token-verifier';

/** Applied to every route: a route is open only when it says so with @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    return isPublic(this.reflector, context) || super.canActivate(context);
  }

  /** The verifier's refusal is what the client is told; anything else is not the client's to read. */
  override handleRequest<User = AuthenticatedUser>(error: unknown, user: User | false): User {
    if (user) return user;
    if (error instanceof TokenRefused) throw new UnauthorizedException(error.message);
    throw error;
  }
}
