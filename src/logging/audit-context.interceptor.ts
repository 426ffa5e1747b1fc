import type { ServerResponse } from 'node:http';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';

export interface AuditContext {
  action?: string;
  sessionId?: string;
  targetUserId?: string;
  /** `ok`, or the code of the problem the request was refused with. */
  outcome?: string;
}

const AUDIT = Symbol('audit');

/** What the request log line says about the request, kept on the response until it is written. */
export function auditOf(res: ServerResponse): AuditContext {
  const audit = (res as ServerResponse & { [AUDIT]?: AuditContext })[AUDIT] ?? {};
  return { ...audit, outcome: audit.outcome ?? (res.statusCode < 400 ? 'ok' : undefined) };
}

export function recordOutcome(res: ServerResponse, outcome: string): void {
  const holder = res as ServerResponse & { [AUDIT]?: AuditContext };
  holder[AUDIT] = { ...holder[AUDIT], outcome };
}

/** Names the action (the handler) and the session and user it acts on, for the request log. */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      const response = context.switchToHttp().getResponse<Response & { [AUDIT]?: AuditContext }>();
      response[AUDIT] = {
        ...response[AUDIT],
        action: context.getHandler().name,
        sessionId: textOrNothing(request.params?.id),
        // Before validation: the body's userId may be anything, even an object String() cannot print.
        targetUserId: textOrNothing(request.params?.userId ?? (request.body as { userId?: unknown } | undefined)?.userId),
      };
    }
    return next.handle();
  }
}

const textOrNothing = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
