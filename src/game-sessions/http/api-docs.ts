import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor';
import { ProblemCode } from '../../contract/problems';
import { ApiProblems, GUARDED_ROUTE_PROBLEMS, ProblemAnsweredAs, REQUEST_BODY_PROBLEMS } from '../../openapi/api-problems.decorator';
import { responseHeaders } from '../../openapi/response-headers';
import { GameSessionResponse } from './game-session.responses';

// How the routes of this feature are documented: written once for both controllers.

/** The problems of a route that needs a token and the database, and its own. */
export const ApiRouteProblems = (...codes: (ProblemCode | ProblemAnsweredAs)[]) => ApiProblems(...GUARDED_ROUTE_PROBLEMS, ...codes);

/** A banned user asking for a seat themselves (an invitation, a join request) is forbidden it. */
export const BANNED_USER_ASKING: ProblemAnsweredAs = ['USER_BANNED', 403];

/** The problems of a route with a JSON body, and its own. */
export const ApiBodyRouteProblems = (...codes: (ProblemCode | ProblemAnsweredAs)[]) => ApiRouteProblems(...REQUEST_BODY_PROBLEMS, ...codes);

/** Documents a path id: any UUID, in any case. */
export const ApiUuidParam = (name: string, description: string) =>
  ApiParam({ name, description, schema: { type: 'string', format: 'uuid' } });

/** Documents a change's answer: the session after it, its version as ETag. */
export const ApiChangedSession = (description: string) =>
  ApiOkResponse({ type: GameSessionResponse, description, headers: responseHeaders('ETag') });

/** Documents If-Match on a change: a stale version answers 412 and changes nothing. */
export const ApiIfMatch = () =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag of the session as last seen ("<version>"); a stale one answers 412 STALE_SESSION.',
    }),
  );

/** Documents Idempotency-Key on a POST: a retry replays the first response instead of acting twice. */
export const ApiIdempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
      description:
        'Up to 255 visible ASCII characters, unique per intended change. A retry with the same key and body replays the ' +
        'first response (header Idempotent-Replayed: true); the same key with another body answers 422; a retry while ' +
        'the first still runs answers 409. Keys belong to the caller and expire after 24 hours.',
    }),
  );

/** Documents a 201: the session, its version as ETag, Location naming what was created, and whether it is a replay. */
export const ApiCreatedSession = (description: string) =>
  ApiCreatedResponse({ type: GameSessionResponse, description, headers: responseHeaders('ETag', 'Location', 'Idempotent-Replayed') });
