import type { NextFunction, Request, Response } from 'express';
import type { PublicRoutes } from '../../auth/public-routes';
import { RateLimited, RateLimits } from './rate-limits';

/**
 * One token from the caller's address for every request to a guarded path, taken before anything
 * else reads it: a flood without a valid token, or with a body refused before the guard, is limited
 * as much as one with a token. Health probes, the docs and the console are free.
 */
export function limitByAddress(limits: RateLimits, publicRoutes: PublicRoutes) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!publicRoutes.needsToken(request.path)) return next();
    const wait = limits.addresses.take(request.ip ?? 'unknown');
    next(wait > 0 ? new RateLimited(wait) : undefined);
  };
}
