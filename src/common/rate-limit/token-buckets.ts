import type { RateLimit } from '../../config/app-config';

interface Bucket {
  tokens: number;
  at: number;
}

/** One token bucket per key: `burst` at once, refilled at `perSecond`. Kept in this process only. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `key`: 0 when one was there, else the whole seconds until one will be. */
  take(key: string): number {
    const at = this.now();
    const tokens = this.tokensOf(key, at);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at });
      return Math.ceil((1 - tokens) / this.limit.perSecond);
    }
    this.buckets.set(key, { tokens: tokens - 1, at });
    return 0;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Drops the buckets that have filled up again: a full bucket is the same as none. */
  sweep(): void {
    const at = this.now();
    for (const key of this.buckets.keys()) if (this.tokensOf(key, at) >= this.limit.burst) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private tokensOf(key: string, at: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limit.burst;
    return Math.min(this.limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.limit.perSecond);
  }
}
