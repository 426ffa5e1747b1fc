import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticatedUser } from '../../auth/authenticated-user';
import { isPublic } from '../../auth/public.decorator';
import { RateLimited, RateLimits } from './rate-limits';

/** After authentication: one token from the caller (the address paid already, see limitByAddress). Probes are free. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly limits: RateLimits,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const wait = request.user ? this.limits.users.take(request.user.id) : 0;
    if (wait > 0) throw new RateLimited(wait);
    return true;
  }
}
