import { Logger } from '@nestjs/common';
import { knownProblem } from '../../../common/problem-details';
import { problemOfError } from '../../../common/problem-of-error';
import type { LiveProblem, SessionSubscription } from '../../../contract/live-events';
import type { ProblemDetails } from '../../../contract/problems';
import { UUID_PATTERN } from '../../../contract/uuid';
import { refusalProblem } from '../../application/refusal-problem';
import { GameSessionError } from '../../domain/game-session.errors';
import { MAX_SEQ } from '../../domain/game-session.events';

export class LiveRequestInvalid extends Error {}

/** `{ sessionId, afterSeq? }`: a UUID (answered in lower case) and a non-negative integer. */
export function parseSubscription(payload: unknown): SessionSubscription {
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

/** The same codes and statuses as the REST API; the unexpected is logged, never shown. */
export function toLiveProblem(error: unknown, context: string): LiveProblem {
  const { status, code, detail, removal } = problemOf(error, context);
  return removal ? { status, code, detail, removal } : { status, code, detail };
}

function problemOf(error: unknown, context: string): ProblemDetails {
  if (error instanceof LiveRequestInvalid) return knownProblem('VALIDATION_FAILED', error.message);
  if (error instanceof GameSessionError) return refusalProblem(error);
  return problemOfError(error, logger, context);
}
