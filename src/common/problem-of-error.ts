import { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { ProblemDetails } from '../contract/problems';
import { knownProblem } from './problem-details';

/**
 * What any transport answers for an error no one closer to it had a word for (a feature answers its
 * own rules): the database being away as 503 (a debug line: the database's own log says once when
 * it goes and once when it is back), anything else as a generic 500 (logged with its stack, never shown).
 */
export function problemOfError(error: unknown, logger: Logger, context: string): ProblemDetails {
  if (isDatabaseUnavailable(error)) {
    logger.debug(`${context} failed: database unavailable: ${(error as Error).message}`);
    return knownProblem('SERVICE_UNAVAILABLE', 'The service cannot reach its database right now; retry shortly');
  }
  logger.error(`${context} failed unexpectedly`, error instanceof Error ? error.stack : String(error));
  return knownProblem('INTERNAL', 'An unexpected error occurred');
}
