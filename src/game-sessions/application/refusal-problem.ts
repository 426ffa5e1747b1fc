import { knownProblem, problem as problemOf } from '../../common/problem-details';
import type { ProblemDetails } from '../../contract/problems';
import { DepartedFromSession, GameSessionError, UserBanned } from '../domain/game-session.errors';
import { toRemovalView } from './game-session.views';

/** A broken rule as the contract answers it, over REST and the socket alike: its code, its status, and for a departure how it came about. */
export function refusalProblem(refusal: GameSessionError): ProblemDetails {
  // A banned user asking for a seat is forbidden it; the Game Master seating them meets a conflict to resolve (lift the ban).
  const forbidden = refusal instanceof UserBanned && refusal.askedBy === 'user';
  const problem = forbidden ? problemOf(refusal.code, 403, refusal.message) : knownProblem(refusal.code, refusal.message);
  return refusal instanceof DepartedFromSession ? { ...problem, removal: toRemovalView(refusal.departure) } : problem;
}
