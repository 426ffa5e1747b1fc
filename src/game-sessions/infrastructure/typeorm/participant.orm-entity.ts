import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A current seat at the table. History lives in the event log, not here. */
@Entity({ name: 'game_session_players' })
export class ParticipantRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  /** seq of the ParticipantJoined event: the roster's order is the log's order. */
  @Column({ name: 'joined_seq', type: 'integer' })
  joinedSeq!: number;
}
