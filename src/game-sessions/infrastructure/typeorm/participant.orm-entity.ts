import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { GameSessionRecord } from './game-session.orm-entity';

/** A current seat at the table. History lives in the event log, not here. */
@Entity({ name: 'game_session_players' })
@Check('game_session_players_type_check', `type IN ('Master', 'Player', 'Assistant', 'Guest')`)
@Check('game_session_players_joined_seq_check', 'joined_seq > 0')
@Check('game_session_players_display_name_check', 'char_length(display_name) BETWEEN 1 AND 64 AND display_name = btrim(display_name)')
@Index('game_session_players_one_master', ['sessionId'], { unique: true, where: `type = 'Master'` })
export class ParticipantRecord {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  @ForeignKey(() => GameSessionRecord, { name: 'game_session_players_session_id_fkey' })
  sessionId!: string;

  /** "My sessions" looks seats up by user; the primary key serves lookups by session. */
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @Index('game_session_players_user_id_idx')
  userId!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: string;

  /** What the table calls them; null when nobody has given a name. */
  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true })
  displayName!: string | null;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  /** seq of the ParticipantJoined event: the roster's order is the log's order. */
  @Column({ name: 'joined_seq', type: 'integer' })
  joinedSeq!: number;
}
