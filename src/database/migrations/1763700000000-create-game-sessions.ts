import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGameSessions1763700000000 implements MigrationInterface {
  name = 'CreateGameSessions1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE game_sessions (
        id          uuid PRIMARY KEY,
        title       varchar(128) NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 128),
        owner_id    uuid NOT NULL,
        status      varchar(16) NOT NULL
                    CHECK (status IN ('Draft', 'Scheduled', 'InProgress', 'Paused', 'Finished', 'Cancelled')),
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        version     integer NOT NULL CHECK (version > 0),
        last_seq    integer NOT NULL CHECK (last_seq > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE game_session_players (
        session_id  uuid NOT NULL REFERENCES game_sessions (id),
        user_id     uuid NOT NULL,
        type        varchar(16) NOT NULL CHECK (type IN ('Master', 'Player', 'Assistant', 'Guest')),
        joined_at   timestamptz NOT NULL,
        -- seq of the ParticipantJoined event: orders the roster exactly as the log does.
        joined_seq  integer NOT NULL CHECK (joined_seq > 0),
        PRIMARY KEY (session_id, user_id)
      )`);
    // "My sessions" looks players up by user; the primary key serves lookups by session.
    await queryRunner.query(`CREATE INDEX game_session_players_user_id_idx ON game_session_players (user_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX game_session_players_one_master ON game_session_players (session_id) WHERE type = 'Master'`,
    );
    await queryRunner.query(`
      CREATE TABLE game_session_events (
        session_id  uuid NOT NULL REFERENCES game_sessions (id),
        seq         integer NOT NULL CHECK (seq > 0),
        event       varchar(32) NOT NULL
                    CHECK (event IN ('ParticipantJoined', 'ParticipantLeft', 'SessionStatusChanged')),
        occurred_at timestamptz NOT NULL,
        data        jsonb NOT NULL,
        PRIMARY KEY (session_id, seq)
      )`);
    // History is never erased: the log refuses updates, deletes and truncation from anyone.
    await queryRunner.query(`
      CREATE FUNCTION game_session_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'game_session_events is append-only (% refused)', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER game_session_events_append_only
      BEFORE UPDATE OR DELETE OR TRUNCATE ON game_session_events
      FOR EACH STATEMENT EXECUTE FUNCTION game_session_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE game_session_events`);
    await queryRunner.query(`DROP FUNCTION game_session_events_append_only()`);
    await queryRunner.query(`DROP TABLE game_session_players`);
    await queryRunner.query(`DROP TABLE game_sessions`);
  }
}
