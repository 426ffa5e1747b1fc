import { GameSessionError } from '../domain/game-session.errors';

/** The caller acted on a version of the session that is no longer the current one (If-Match). */
export class StaleSession extends GameSessionError {
  readonly code = 'STALE_SESSION';
  constructor(currentVersion: number) {
    super(`The session has changed: it is at version ${currentVersion}; reload it and retry`);
  }
}
