import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a session's append-only log; the database refuses updates and deletes. */
@Entity({ name: 'game_session_events' })
export class SessionEventRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  event!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** The event's own fields (userId, type, reason, removedBy, from, to). */
  @Column({ type: 'jsonb' })
  data!: Record<string, string | null>;
}
