import { fromEventJson } from '../../../src/game-sessions/application/game-session.views';
import { evolve } from '../../../src/game-sessions/domain/game-session.evolve';
import { Participant } from '../../../src/game-sessions/domain/participant';
import type { GameSessionView, SessionEventView } from '../../../src/contract';

/** The domain's `evolve` applied to the session as the API sends it: instants as ISO text in and out. */
export function evolveView(session: GameSessionView, event: SessionEventView): GameSessionView {
  const next = evolve(
    {
      status: session.status,
      players: session.players.map((p) => Participant.of(p.userId, p.type, new Date(p.joinedAt), p.displayName)),
      updatedAt: new Date(session.updatedAt),
      version: session.version,
    },
    fromEventJson(event),
  );
  return {
    ...session,
    status: next.status,
    players: next.players.map((p) => ({ userId: p.userId, displayName: p.displayName, type: p.type, joinedAt: p.joinedAt.toISOString() })),
    updatedAt: next.updatedAt.toISOString(),
    version: next.version,
  };
}
