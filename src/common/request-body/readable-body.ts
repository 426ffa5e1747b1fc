/// <reference lib="es2024.string" />
import type { NextFunction, Request, Response } from 'express';
import { RequestValidationFailed } from '../request-validation';

/**
 * How deep a request body may nest. Ours are flat; every later reader (class-transformer, the
 * idempotency hash, JSON.stringify) recurses, and a 16 KiB body of brackets overflows the stack.
 */
export const MAX_BODY_DEPTH = 32;

interface Pending {
  readonly value: unknown;
  readonly path: string;
  readonly depth: number;
}

/**
 * Why no reader may have this parsed body, naming where: nested past MAX_BODY_DEPTH, U+0000
 * (PostgreSQL text cannot hold it), or a lone surrogate (not Unicode: PostgreSQL refuses it in
 * JSON, and UTF-8 would turn it into U+FFFD). Iterative, so that depth cannot hurt it. Undefined: readable.
 */
export function unreadableBodyReason(body: unknown): string | undefined {
  const pending: Pending[] = [{ value: body, path: '', depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${path || 'The request body'} ${problem}`;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth === MAX_BODY_DEPTH) return `The request body is nested deeper than ${MAX_BODY_DEPTH} levels`;
    for (const [key, child] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return `A field name in ${path || 'the request body'} ${problem}`;
      const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain U+0000 (NUL)';
  if (!text.isWellFormed()) return 'is not well-formed Unicode (it holds a lone surrogate)';
  return undefined;
}

/** After the body parsers, before anything else reads the body: 400 VALIDATION_FAILED for one no reader may have. */
export function refuseUnreadableBodies(request: Request, _response: Response, next: NextFunction): void {
  const reason = unreadableBodyReason(request.body);
  next(reason === undefined ? undefined : new RequestValidationFailed(reason));
}
