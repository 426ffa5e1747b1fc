import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { sendProblem } from '../../common/problem-details.filter';
import { refusalProblem } from '../application/refusal-problem';
import { GameSessionError } from '../domain/game-session.errors';

/** A broken rule of the table answers with its own code and the status the contract gives it. */
@Catch(GameSessionError)
export class RuleRefusalFilter implements ExceptionFilter<GameSessionError> {
  catch(refusal: GameSessionError, host: ArgumentsHost): void {
    sendProblem(host.switchToHttp().getResponse<Response>(), refusalProblem(refusal));
  }
}
