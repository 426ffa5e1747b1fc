import { HttpException, HttpStatus } from '@nestjs/common';

/** Refusals of the Idempotency-Key protocol; the problem filter maps them by their code. */
export class IdempotencyRefusal extends HttpException {
  constructor(
    readonly code: 'IDEMPOTENCY_KEY_IN_USE' | 'IDEMPOTENCY_KEY_REUSED' | 'VALIDATION_FAILED',
    status: HttpStatus,
    detail: string,
  ) {
    super(detail, status);
  }
}

export const keyInUse = () =>
  new IdempotencyRefusal(
    'IDEMPOTENCY_KEY_IN_USE',
    HttpStatus.CONFLICT,
    'A request with this Idempotency-Key is still being processed; retry once it has finished',
  );

export const keyReused = () =>
  new IdempotencyRefusal(
    'IDEMPOTENCY_KEY_REUSED',
    HttpStatus.UNPROCESSABLE_ENTITY,
    'This Idempotency-Key was already used with a different request',
  );

export const malformedKey = () =>
  new IdempotencyRefusal('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, 'Idempotency-Key must be 1 to 255 visible ASCII characters');
