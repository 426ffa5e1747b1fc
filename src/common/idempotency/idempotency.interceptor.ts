import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, from, lastValueFrom } from 'rxjs';
import { EntityManager } from 'typeorm';
import { AuthenticatedUser } from '../../auth/authenticated-user';
import { TransactionScope } from '../../database/transaction-scope';
import { keyInUse, keyReused, malformedKey } from './idempotency.errors';

const KEY = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_WINDOW = '24 hours';

interface StoredResponse {
  request_hash: string;
  response_status: number;
  response_body: unknown;
}

/**
 * `Idempotency-Key` on a POST: the first request's response is stored in the same transaction as
 * the change it made, so a retry replays it and the work is never done twice. A retry while the
 * first still runs answers 409; the same key with another request answers 422. Keys belong to the
 * caller and live 24 hours. Only successful responses are kept: a refused request changed nothing
 * and may be retried as it is.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly transactions: TransactionScope) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY.test(key)) throw malformedKey();
    const response = context.switchToHttp().getResponse<Response>();
    const userId = request.user.id;
    const hash = requestHash(request);
    return from(
      this.transactions.run(async (manager) => {
        await this.claim(manager, userId, key);
        const stored = await this.find(manager, userId, key);
        if (stored) {
          if (stored.request_hash !== hash) throw keyReused();
          response.status(stored.response_status).setHeader('Idempotent-Replayed', 'true');
          return stored.response_body;
        }
        const body = await lastValueFrom(next.handle());
        await manager.query(
          `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body) VALUES ($1, $2, $3, $4, $5)`,
          [userId, key, hash, response.statusCode, JSON.stringify(body)],
        );
        return body;
      }),
    );
  }

  /** Holds the key for this transaction; a concurrent holder means the first request still runs. */
  private async claim(manager: EntityManager, userId: string, key: string): Promise<void> {
    const [{ claimed }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS claimed`, [
      `idempotency:${userId}:${key}`,
    ]);
    if (!claimed) throw keyInUse();
  }

  private async find(manager: EntityManager, userId: string, key: string): Promise<StoredResponse | undefined> {
    // An expired key is forgotten, along with the caller's other expired keys.
    await manager.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND created_at < now() - interval '${IDEMPOTENCY_WINDOW}'`, [
      userId,
    ]);
    const rows: StoredResponse[] = await manager.query(
      `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return rows[0];
  }
}

/** What makes two requests "the same": method, path and the body, whatever its key order. */
function requestHash(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

type Step = { readonly text: string } | { readonly value: unknown };

/** JSON with every object's keys sorted. Iterative: no body is deep enough to overflow it. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  // Pushed in reverse, popped in order.
  const steps: Step[] = [{ value }];
  for (let step = steps.pop(); step; step = steps.pop()) {
    if ('text' in step) {
      parts.push(step.text);
      continue;
    }
    const current = step.value;
    if (current === null || typeof current !== 'object') {
      parts.push(JSON.stringify(current) ?? 'null');
      continue;
    }
    const array = Array.isArray(current);
    const keys = array ? [] : Object.keys(current).sort();
    const items: unknown[] = array ? current : keys.map((k) => (current as Record<string, unknown>)[k]);
    steps.push({ text: array ? ']' : '}' });
    for (let i = items.length - 1; i >= 0; i--) {
      steps.push({ value: items[i] });
      if (!array) steps.push({ text: `${JSON.stringify(keys[i])}:` });
      if (i > 0) steps.push({ text: ',' });
    }
    steps.push({ text: array ? '[' : '{' });
  }
  return parts.join('');
}
