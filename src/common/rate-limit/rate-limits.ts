import { HttpException, HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { TokenBuckets } from './token-buckets';

/** 429 with how long to wait; the problem filter turns it into RATE_LIMITED and Retry-After. */
export class RateLimited extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * The buckets of this instance: per user and per address for REST, per socket for messages. With
 * several instances each keeps its own, so a client spread over N of them may get up to N times.
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  readonly users: TokenBuckets;
  readonly addresses: TokenBuckets;
  readonly sockets: TokenBuckets;
  private readonly sweeper: NodeJS.Timeout;

  constructor(config: AppConfig) {
    this.users = new TokenBuckets(config.rateLimits.user);
    this.addresses = new TokenBuckets(config.rateLimits.ip);
    this.sockets = new TokenBuckets(config.rateLimits.socket);
    this.sweeper = setInterval(() => [this.users, this.addresses, this.sockets].forEach((b) => b.sweep()), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
