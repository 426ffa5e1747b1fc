import { Logger } from '@nestjs/common';
import { PROBLEM_CODES, ProblemCode } from '../../../common/problem-details';
import { UUID_PATTERN } from '../../../common/uuid';
import { isDatabaseUnavailable } from '../../../database/database-unavailable';
import { GameSessionError } from '../../domain/game-session.errors';
import { MAX_SEQ } from '../../domain/game-session.events';

/** What a refused socket request acks: the problem document's essentials. */
export interface LiveProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

export class LiveRequestInvalid extends Error {}

export interface Subscription {
  readonly sessionId: string;
  readonly afterSeq?: number;
}

/** `{ sessionId, afterSeq? }`: a UUID (answered in lower case) and a non-negative integer. */
export function parseSubscription(payload: unknown): Subscription {
  const { sessionId, afterSeq } = (payload ?? {}) as { sessionId?: unknown; afterSeq?: unknown };
  if (typeof sessionId !== 'string' || !UUID_PATTERN.test(sessionId)) throw new LiveRequestInvalid('sessionId must be a UUID');
  if (afterSeq === undefined || afterSeq === null) return { sessionId: sessionId.toLowerCase() };
  if (typeof afterSeq !== 'number' || !Number.isInteger(afterSeq) || afterSeq < 0) {
    throw new LiveRequestInvalid('afterSeq must be a non-negative integer');
  }
  if (afterSeq > MAX_SEQ) throw new LiveRequestInvalid(`afterSeq must be at most ${MAX_SEQ}`);
  return { sessionId: sessionId.toLowerCase(), afterSeq };
}

const logger = new Logger('GameSessionsGateway');

const known = (code: ProblemCode, detail: string): LiveProblem => ({ status: PROBLEM_CODES[code][0], code, detail });

/** The same codes and statuses as the REST API; the unexpected is logged, never shown. */
export function toLiveProblem(error: unknown, context: string): LiveProblem {
  if (error instanceof GameSessionError) return known(error.code as ProblemCode, error.message);
  if (error instanceof LiveRequestInvalid) return known('VALIDATION_FAILED', error.message);
  if (isDatabaseUnavailable(error)) {
    logger.warn(`${context} failed: database unavailable: ${(error as Error).message}`);
    return known('SERVICE_UNAVAILABLE', 'The service cannot reach its database right now; retry shortly');
  }
  logger.error(`${context} failed unexpectedly`, error instanceof Error ? error.stack : String(error));
  return known('INTERNAL', 'An unexpected error occurred');
}
