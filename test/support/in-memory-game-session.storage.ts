import { GameSessionStorage } from '../../src/game-sessions/application/game-session-storage.port';
import { GameSession } from '../../src/game-sessions/domain/game-session';
import type { GameSessionState } from '../../src/game-sessions/domain/game-session';
import { GameSessionNotFound } from '../../src/game-sessions/domain/game-session.errors';
import type { GameSessionEvent } from '../../src/game-sessions/domain/game-session.events';
import { Participant } from '../../src/game-sessions/domain/participant';

interface Snapshot {
  readonly state: GameSessionState;
  readonly events: readonly GameSessionEvent[];
}

/** Copies keep stored data apart from every aggregate handed out, as rows are apart from objects. */
const copyParticipant = (p: Participant): Participant => Participant.of(p.userId, p.type, new Date(p.joinedAt), p.displayName, p.seat);

function copyState(state: GameSessionState): GameSessionState {
  return {
    ...state,
    players: state.players.map(copyParticipant),
    formerSeats: state.formerSeats.map(({ participant, ended }) => ({
      participant: copyParticipant(participant),
      ended: { ...ended, at: new Date(ended.at), ban: ended.ban && { until: ended.ban.until && new Date(ended.ban.until) } },
    })),
    createdAt: new Date(state.createdAt),
    updatedAt: new Date(state.updatedAt),
  };
}

const copyEvent = (event: GameSessionEvent): GameSessionEvent => ({ ...event, occurredAt: new Date(event.occurredAt) });

/**
 * The storage port kept in a Map, obeying the same contract as the TypeORM adapter: snapshots in,
 * freshly restored aggregates out, and an update that saves nothing when the change throws.
 */
export class InMemoryGameSessionStorage extends GameSessionStorage {
  private readonly snapshots = new Map<string, Snapshot>();

  async add(session: GameSession): Promise<void> {
    // The adapter's primary key refuses a second insert of the same id.
    if (this.snapshots.has(session.id)) throw new Error(`game session ${session.id} is already stored`);
    this.snapshots.set(session.id, { state: copyState(session.state), events: session.uncommittedEvents.map(copyEvent) });
  }

  async findById(id: string): Promise<GameSession | null> {
    const snapshot = this.snapshots.get(id);
    return snapshot ? GameSession.restore(copyState(snapshot.state)) : null;
  }

  async titleOf(id: string): Promise<string | null> {
    return this.snapshots.get(id)?.state.title ?? null;
  }

  async findByParticipant(userId: string): Promise<GameSession[]> {
    return [...this.snapshots.values()]
      .map((s) => s.state)
      .filter((state) => state.players.some((p) => p.userId === userId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((state) => GameSession.restore({ ...copyState(state), formerSeats: [] }));
  }

  async update(id: string, change: (session: GameSession) => void): Promise<GameSession> {
    const snapshot = this.snapshots.get(id);
    if (!snapshot) throw new GameSessionNotFound();
    const session = GameSession.restore(copyState(snapshot.state));
    change(session);
    this.snapshots.set(id, {
      state: copyState(session.state),
      events: [...snapshot.events, ...session.uncommittedEvents.map(copyEvent)],
    });
    return session;
  }

  async listEvents(sessionId: string, afterSeq: number, limit: number): Promise<GameSessionEvent[]> {
    return this.eventsOf(sessionId)
      .filter((e) => e.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  }

  /** The stored log, for assertions; a copy, so a test cannot change what is stored. */
  eventsOf(sessionId: string): GameSessionEvent[] {
    return (this.snapshots.get(sessionId)?.events ?? []).map(copyEvent);
  }

  /** How many sessions are stored, to prove that a refused create stored nothing. */
  get size(): number {
    return this.snapshots.size;
  }
}
