import { knownProblem } from '../../common/problem-details';
import type { ProblemDetails } from '../../contract/problems';
import { DepartedFromSession, GameSessionError } from '../domain/game-session.errors';
import { toRemovalView } from './game-session.views';

/** A broken rule as the contract answers it, over REST and the socket alike: its code, its status, and for a departure how it came about. */
export function refusalProblem(refusal: GameSessionError): ProblemDetails {
  const problem = knownProblem(refusal.code, refusal.message);
  return refusal instanceof DepartedFromSession ? { ...problem, removal: toRemovalView(refusal.departure) } : problem;
}
