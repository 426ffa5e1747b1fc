import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { GameSessionRecord } from './game-session.orm-entity';

/**
 * The latest departure of each user who is not seated now (its schema, for TypeORM): the seat as it
 * was, for an undo, and how it ended, for bans and for telling them why. A projection of the log,
 * like the seats: a join or a restore takes the row away.
 */
@Entity({ name: 'game_session_former_seats' })
@Check('game_session_former_seats_type_check', `type IN ('Master', 'Player', 'Assistant', 'Guest')`)
@Check('game_session_former_seats_reason_check', `reason IN ('removed', 'left')`)
@Check('game_session_former_seats_ban_check', 'ban_until IS NULL OR banned')
export class FormerSeatRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => GameSessionRecord, { name: 'game_session_former_seats_session_id_fkey' })
  sessionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName!: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ name: 'joined_seq', type: 'integer' })
  joinedSeq!: number;

  /** The seq of the event that ended the seat (a ParticipantLeft, or a GameMasterChanged that left). */
  @Column({ name: 'left_seq', type: 'integer' })
  leftSeq!: number;

  @Column({ name: 'left_at', type: 'timestamptz' })
  leftAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  reason!: string;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy!: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  note!: string | null;

  /** A ban in force or lapsed; false once lifted. */
  @Column({ type: 'boolean' })
  banned!: boolean;

  /** null with `banned`: until lifted. */
  @Column({ name: 'ban_until', type: 'timestamptz', nullable: true })
  banUntil!: Date | null;
}
