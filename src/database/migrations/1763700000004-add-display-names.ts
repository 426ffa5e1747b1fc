import { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'ParticipantJoined', 'ParticipantLeft', 'SessionStatusChanged'`;

/**
 * A seat has a display name, or none (null), and a rename is an event of the log. The log is append-only, so the joins written before
 * names existed stay as they are: they are read as naming nobody (GameSessionMapper.toEvent).
 */
export class AddDisplayNames1763700000004 implements MigrationInterface {
  name = 'AddDisplayNames1763700000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE game_session_players ADD COLUMN display_name varchar(64)
        CONSTRAINT game_session_players_display_name_check CHECK (char_length(display_name) BETWEEN 1 AND 64 AND display_name = btrim(display_name))`);
    await queryRunner.query(`
      ALTER TABLE game_session_events DROP CONSTRAINT game_session_events_event_check,
        ADD CONSTRAINT game_session_events_event_check CHECK (event IN (${EVENTS_BEFORE}, 'ParticipantRenamed'))`);
  }

  /** Refused (by the constraint) once a rename is in a log: the log is never rewritten. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE game_session_events DROP CONSTRAINT game_session_events_event_check,
        ADD CONSTRAINT game_session_events_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await queryRunner.query(`ALTER TABLE game_session_players DROP COLUMN display_name`);
  }
}
