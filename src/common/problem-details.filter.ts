import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, UnauthorizedException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/bearer-token';
import { PublicRoutes } from '../auth/public-routes';
import { TokenVerifier } from '../auth/token-verifier';
import { recordOutcome } from '../logging/audit-context.interceptor';
import { IdempotencyRefusal } from './idempotency/idempotency.errors';
import { RateLimited } from './rate-limit/rate-limits';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from '../contract/problems';
import { knownProblem, problem } from './problem-details';
import { problemOfError } from './problem-of-error';
import { RequestValidationFailed } from './request-validation';
import { allowedMethods } from './route-table';

/** Maps every error to an RFC 9457 problem document. Unexpected ones are logged, never shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: TokenVerifier,
    private readonly publicRoutes: PublicRoutes,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    // Global filters reach gateways too; socket handlers answer their own errors in their acks.
    if (host.getType() !== 'http') {
      this.logger.error('Unhandled error outside HTTP', error instanceof Error ? error.stack : String(error));
      return;
    }
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error, request, response);
    if (this.refusedBeforeTheGuard(request, body)) {
      // The token comes first (401 before 400), even for what Express refused before any guard ran.
      this.tokens.verify(bearerToken(request)).then(
        () => sendProblem(response, body),
        () => sendProblem(response, this.fromHttpException(new UnauthorizedException('A valid bearer token is required'), request, response)),
      );
      return;
    }
    sendProblem(response, body);
  }

  private refusedBeforeTheGuard(request: Request, body: ProblemDetails): boolean {
    return this.publicRoutes.needsToken(request.path) && !(request as { user?: unknown }).user && BEFORE_THE_GUARD.has(body.status);
  }

  private toProblem(error: unknown, request: Request, response: Response): ProblemDetails {
    if (error instanceof HttpException) return this.fromHttpException(error, request, response);
    const clientError = bodyReaderError(error);
    if (clientError) return clientError;
    const body = problemOfError(error, this.logger, describeRequest(request));
    if (body.code === 'SERVICE_UNAVAILABLE') response.setHeader('Retry-After', '1');
    return body;
  }

  private fromHttpException(error: HttpException, request: Request, response: Response): ProblemDetails {
    if (error instanceof IdempotencyRefusal) return knownProblem(error.code, error.message);
    if (error instanceof RateLimited) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      return knownProblem('RATE_LIMITED', error.message);
    }
    const status = error.getStatus();
    switch (status) {
      case HttpStatus.UNAUTHORIZED:
        response.setHeader('WWW-Authenticate', 'Bearer');
        return knownProblem('UNAUTHORIZED', error.message);
      case HttpStatus.NOT_FOUND: {
        const allowed = allowedMethods(this.adapterHost.httpAdapter.getInstance(), request.path, request.method);
        if (allowed.length === 0) return knownProblem('ROUTE_NOT_FOUND', `No route ${request.method} ${request.path}`);
        response.setHeader('Allow', allowed.join(', '));
        return knownProblem('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`);
      }
      case HttpStatus.BAD_REQUEST:
        return knownProblem('VALIDATION_FAILED', badRequestDetail(error));
      case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
        return knownProblem('UNSUPPORTED_MEDIA_TYPE', error.message);
      case HttpStatus.SERVICE_UNAVAILABLE:
        return knownProblem('SERVICE_UNAVAILABLE', error.message);
      default:
        if (status < 500) return problem(`HTTP_${status}`, status, error.message);
        this.logger.error(`${describeRequest(request)} failed with ${status}`, error.stack);
        return knownProblem('INTERNAL', 'An unexpected error occurred');
    }
  }
}

/** Answers with a problem document, and records its code for the audit line. */
export function sendProblem(response: Response, body: ProblemDetails): void {
  recordOutcome(response, body.code);
  if (response.headersSent) return;
  response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Unreadable bodies and paths are refused by Express before the JWT guard had a chance to run. */
const BEFORE_THE_GUARD = new Set([HttpStatus.BAD_REQUEST, HttpStatus.PAYLOAD_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE]);

/** Ours name the field; Nest maps Express's JSON and URI decoding errors to a bare BadRequestException. */
function badRequestDetail(error: HttpException): string {
  if (error instanceof RequestValidationFailed) return error.message;
  return /JSON/.test(error.message) ? 'Request body is not valid JSON' : 'The request is malformed';
}

/** Express's body reader fails with http-errors (status, expose) that Nest passes through as they are. */
function bodyReaderError(error: unknown): ProblemDetails | undefined {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || expose !== true) return undefined;
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return knownProblem('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return knownProblem('UNSUPPORTED_MEDIA_TYPE', (error as Error).message);
  return knownProblem('VALIDATION_FAILED', 'The request body could not be read');
}

function describeRequest(request: Request): string {
  const user = (request as { user?: { id?: string } }).user?.id ?? 'anonymous';
  return `${request.method} ${request.originalUrl} (user ${user})`;
}
