import { fromEventJson } from '../../../src/game-sessions/application/game-session.views';
import { evolve } from '../../../src/game-sessions/domain/game-session.evolve';
import { Participant } from '../../../src/game-sessions/domain/participant';
import type { GameSessionView, SessionEventView } from '../../../src/contract';

/**
 * The domain's `evolve` applied to the session as the API sends it: instants as ISO text in and out.
 * A view knows no former seats, so an undo (ParticipantRestored) cannot be folded into it: the
 * session is read again instead (`needsReading`).
 */
export function evolveView(session: GameSessionView, event: SessionEventView): GameSessionView {
  const next = evolve(
    {
      status: session.status,
      // The view is in roster order; its places stand in for the seats' seqs, which it does not carry.
      players: session.players.map((p, place) => Participant.of(p.userId, p.type, new Date(p.joinedAt), p.displayName, place)),
      formerSeats: [],
      ownerId: session.ownerId,
      updatedAt: new Date(session.updatedAt),
      version: session.version,
    },
    fromEventJson(event),
  );
  return {
    ...session,
    ownerId: next.ownerId,
    status: next.status,
    players: next.players.map((p) => ({ userId: p.userId, displayName: p.displayName, type: p.type, joinedAt: p.joinedAt.toISOString() })),
    updatedAt: next.updatedAt.toISOString(),
    version: next.version,
  };
}

/** An event whose effect the view alone cannot work out. */
export const needsReading = (event: SessionEventView): boolean => event.event === 'ParticipantRestored';
