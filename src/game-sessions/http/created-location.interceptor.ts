import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';
import type { GameSessionView } from '../../contract/session-views';

/** The id, under the collection the request was posted to, of what it created; or, starting with /, its whole path; undefined: nothing was. */
type CreatedId<T> = (created: T, request: Request) => string | undefined;

const CREATED_ID = Symbol('createdId');

/** A POST that creates a member of its collection: its 201 names the member in Location. */
export const Creates = <T = GameSessionView>(createdId: CreatedId<T>): MethodDecorator => SetMetadata(CREATED_ID, createdId);

/**
 * Sets Location on the routes marked @Creates. On the controller, so that it runs outside the
 * idempotency interceptor and a replayed 201 says it too. The path is canonical: lower case (routes
 * and ids are, whatever case they were asked in) and without a trailing slash.
 */
@Injectable()
export class CreatedLocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const createdId = this.reflector.get<CreatedId<unknown> | undefined>(CREATED_ID, context.getHandler());
    if (!createdId) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((created) => {
        const id = createdId(created, request);
        if (id === undefined) return;
        const collection = request.path.toLowerCase().replace(/\/+$/, '');
        response.setHeader('Location', id.startsWith('/') ? id : `${collection}/${id}`);
      }),
    );
  }
}
