import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The schema's description for TypeORM, constraints included (a test holds it to the migrations);
 * the storage reads and writes rows through game-session.sql.ts.
 */
@Entity({ name: 'game_sessions' })
@Check('game_sessions_title_check', 'length(btrim(title)) BETWEEN 1 AND 128')
@Check('game_sessions_status_check', `status IN ('Draft', 'Scheduled', 'InProgress', 'Paused', 'Finished', 'Cancelled')`)
@Check('game_sessions_version_check', 'version > 0')
export class GameSessionRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  title!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The seq of the session's newest event. */
  @Column({ type: 'integer' })
  version!: number;
}
