import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, ProblemCode } from '../contract/problems';
import { Problem } from './problem.schema';
import { ResponseHeaderName, responseHeaders } from './response-headers';

/** Headers that come with every problem of the code (the problem filter sets them; readiness's 503 has none). */
const HEADERS_OF: Partial<Record<ProblemCode, ResponseHeaderName[]>> = {
  UNAUTHORIZED: ['WWW-Authenticate'],
  RATE_LIMITED: ['Retry-After'],
  SERVICE_UNAVAILABLE: ['Retry-After'],
  METHOD_NOT_ALLOWED: ['Allow'],
};

/** The refusals of every route that needs a token and the database. */
export const GUARDED_ROUTE_PROBLEMS: ProblemCode[] = ['UNAUTHORIZED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL'];

/** What a route with a JSON body answers when it cannot read the body. */
export const REQUEST_BODY_PROBLEMS: ProblemCode[] = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

/** A problem document whose `code` is one of `codes`. */
function problemContent(codes: readonly ProblemCode[]) {
  return {
    [PROBLEM_CONTENT_TYPE]: {
      schema: { allOf: [{ $ref: getSchemaPath(Problem) }, { properties: { code: { type: 'string', enum: [...codes] } } }] },
    },
  };
}

/** The response of one status for problems of these codes, with the headers they come with. */
export function problemResponse(status: number, codes: readonly ProblemCode[], headers: ResponseHeaderName[] = []) {
  return {
    status,
    description: codes.map((code) => `${code}: ${PROBLEM_CODES[code][1]}`).join(' | '),
    ...(headers.length > 0 && { headers: responseHeaders(...headers) }),
    content: problemContent(codes),
  };
}

/** Documents the problems of one status that a route answers with exactly these headers. */
export const ApiProblemResponse = (status: number, codes: readonly ProblemCode[], headers: ResponseHeaderName[] = []): MethodDecorator =>
  applyDecorators(ApiExtraModels(Problem), ApiResponse(problemResponse(status, codes, headers)));

/** A code this route answers with another status than its usual one (USER_BANNED: 403 when the user asks for a seat). */
export type ProblemAnsweredAs = readonly [ProblemCode, number];

/** Documents the problem documents a route can answer, grouped by status, with the headers each code comes with. */
export function ApiProblems(...codes: (ProblemCode | ProblemAnsweredAs)[]): MethodDecorator {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const entry of new Set(codes)) {
    const [code, status] = typeof entry === 'string' ? [entry, PROBLEM_CODES[entry][0]] : entry;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, group]) =>
      ApiProblemResponse(status, group, [...new Set(group.flatMap((code) => HEADERS_OF[code] ?? []))]),
    ),
  );
}
