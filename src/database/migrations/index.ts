import { CreateGameSessions1763700000000 } from './1763700000000-create-game-sessions';

/** In order of application. Listed, not globbed, so that the compiled and the test build agree. */
export const MIGRATIONS = [CreateGameSessions1763700000000];
