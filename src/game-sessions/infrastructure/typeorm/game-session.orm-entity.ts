import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'game_sessions' })
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

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;
}
