import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { GameSessionRecord } from './game-session.orm-entity';

/** One line of a session's append-only log; the database refuses updates and deletes. */
@Entity({ name: 'game_session_events' })
@Check('game_session_events_seq_check', 'seq > 0')
@Check('game_session_events_event_check', `event IN ('ParticipantJoined', 'ParticipantLeft', 'SessionStatusChanged', 'ParticipantRenamed', 'ParticipantRestored', 'ParticipantTypeChanged', 'GameMasterChanged', 'BanLifted')`)
export class SessionEventRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => GameSessionRecord, { name: 'game_session_events_session_id_fkey' })
  sessionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  event!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The event's own fields (userId, type, reason, removedBy, from, to). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
