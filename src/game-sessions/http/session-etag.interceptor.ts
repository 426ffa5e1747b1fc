import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';
import { sessionETag } from './if-match.decorator';

/** Every response that is one session carries its version as ETag, for the next If-Match. */
@Injectable()
export class SessionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        const version = (body as { version?: unknown } | undefined)?.version;
        if (typeof version === 'number') context.switchToHttp().getResponse<Response>().setHeader('ETag', sessionETag(version));
      }),
    );
  }
}
