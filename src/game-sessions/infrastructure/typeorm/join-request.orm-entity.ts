import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { GameSessionRecord } from './game-session.orm-entity';

/** A join request waiting for the Game Master (its schema, for TypeORM); rows go through join-request.sql.ts. */
@Entity({ name: 'game_session_join_requests' })
@Check('game_session_join_requests_type_check', `type IN ('Player', 'Assistant', 'Guest')`)
export class JoinRequestRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => GameSessionRecord, { name: 'game_session_join_requests_session_id_fkey' })
  sessionId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName!: string | null;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
