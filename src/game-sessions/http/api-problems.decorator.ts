import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CODES, PROBLEM_CONTENT_TYPE, ProblemCode } from '../../common/problem-details';
import { ProblemDetailsResponse } from './game-session.responses';

/** Documents the problem documents a route can answer, grouped by status. */
export function ApiProblems(...codes: ProblemCode[]): MethodDecorator {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of ['UNAUTHORIZED', 'RATE_LIMITED', 'INTERNAL', 'SERVICE_UNAVAILABLE', ...codes] as ProblemCode[]) {
    const status = PROBLEM_CODES[code][0];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, group]) =>
      ApiResponse({
        status,
        description: group.map((code) => `${code}: ${PROBLEM_CODES[code][1]}`).join(' | '),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsResponse' } } },
      }),
    ),
  );
}

export const PROBLEM_SCHEMA_MODELS = [ProblemDetailsResponse];
