import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Only JSON is read. A body of another type is refused rather than ignored: ignored, a form would
 * be judged as a request with its fields missing, and the caller would never learn why. Only the
 * methods whose routes take a body are checked (a removal's DELETE may carry a note and a ban); a body sent with GET is not read at all.
 */
export function refuseBodiesOtherThanJson(request: Request, _response: Response, next: NextFunction): void {
  if (!TAKES_A_BODY.has(request.method) || !carriesBody(request) || request.is('application/json')) return next();
  const type = request.headers['content-type'];
  next(new UnsupportedMediaTypeException(`${type ? `Content-Type ${type}` : 'A body without Content-Type'} is not read: send application/json`));
}

const TAKES_A_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function carriesBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
