import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import { ifNoneMatchNames, sessionETag } from './if-match.decorator';

const READS = new Set(['GET', 'HEAD']);

/**
 * Every response that is one session (or holds one) carries its version as ETag, for the next If-Match; a read
 * whose If-None-Match names it answers 304 without a body. Express sends that 304 itself when
 * `req.fresh` says so, but its check refuses any request with Cache-Control: no-cache, which fetch()
 * adds to every request with If-None-Match; that directive is for caches, an origin server still
 * answers the condition (RFC 9111 §5.2.1.4). So the condition is decided here.
 */
@Injectable()
export class SessionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        // A session, or an answer about one (a bulk removal's).
        const answer = body as { version?: unknown; session?: { version?: unknown } } | undefined;
        const version = answer?.version ?? answer?.session?.version;
        if (typeof version !== 'number') return;
        const etag = sessionETag(version);
        response.setHeader('ETag', etag);
        if (READS.has(request.method) && ifNoneMatchNames(request.headers['if-none-match'], etag)) {
          Object.defineProperty(request, 'fresh', { value: true });
        }
      }),
    );
  }
}
