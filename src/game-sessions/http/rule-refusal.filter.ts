import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { knownProblem } from '../../common/problem-details';
import { sendProblem } from '../../common/problem-details.filter';
import { toRemovalView } from '../application/game-session.views';
import { DepartedFromSession, GameSessionError } from '../domain/game-session.errors';

/** A broken rule of the table answers with its own code and the status the contract gives it. */
@Catch(GameSessionError)
export class RuleRefusalFilter implements ExceptionFilter<GameSessionError> {
  catch(refusal: GameSessionError, host: ArgumentsHost): void {
    const removal = refusal instanceof DepartedFromSession ? { removal: toRemovalView(refusal.departure) } : {};
    sendProblem(host.switchToHttp().getResponse<Response>(), { ...knownProblem(refusal.code, refusal.message), ...removal });
  }
}
