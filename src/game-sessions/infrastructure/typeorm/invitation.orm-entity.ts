import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { GameSessionRecord } from './game-session.orm-entity';

/** An invitation link of a session (its schema, for TypeORM); rows go through invitation.sql.ts. */
@Entity({ name: 'game_session_invites' })
@Check('game_session_invites_type_check', `type IN ('Player', 'Assistant', 'Guest')`)
@Check('game_session_invites_max_uses_check', 'max_uses BETWEEN 1 AND 1000')
@Check('game_session_invites_uses_check', 'uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)')
export class InvitationRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => GameSessionRecord, { name: 'game_session_invites_session_id_fkey' })
  @Index('game_session_invites_session_id_idx')
  sessionId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  @Column({ name: 'max_uses', type: 'integer', nullable: true })
  maxUses!: number | null;

  @Column({ type: 'integer' })
  uses!: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'boolean' })
  approval!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
