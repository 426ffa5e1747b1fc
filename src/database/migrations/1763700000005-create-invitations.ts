import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitation links of a session (what they seat as, how often, until when; revoked ones are kept),
 * and the join requests waiting for the Game Master, one per user and session (resolved ones go).
 */
export class CreateInvitations1763700000005 implements MigrationInterface {
  name = 'CreateInvitations1763700000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE game_session_invites (
        code        varchar(64) PRIMARY KEY,
        session_id  uuid NOT NULL CONSTRAINT game_session_invites_session_id_fkey REFERENCES game_sessions (id),
        type        varchar(16) NOT NULL CONSTRAINT game_session_invites_type_check CHECK (type IN ('Player', 'Assistant', 'Guest')),
        max_uses    integer CONSTRAINT game_session_invites_max_uses_check CHECK (max_uses BETWEEN 1 AND 1000),
        uses        integer NOT NULL CONSTRAINT game_session_invites_uses_check CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)),
        expires_at  timestamptz NOT NULL,
        approval    boolean NOT NULL,
        created_at  timestamptz NOT NULL,
        created_by  uuid NOT NULL,
        revoked_at  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX game_session_invites_session_id_idx ON game_session_invites (session_id)`);
    await queryRunner.query(`
      CREATE TABLE game_session_join_requests (
        session_id    uuid NOT NULL CONSTRAINT game_session_join_requests_session_id_fkey REFERENCES game_sessions (id),
        user_id       uuid NOT NULL,
        display_name  varchar(64),
        type          varchar(16) NOT NULL CONSTRAINT game_session_join_requests_type_check CHECK (type IN ('Player', 'Assistant', 'Guest')),
        requested_at  timestamptz NOT NULL,
        PRIMARY KEY (session_id, user_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE game_session_join_requests`);
    await queryRunner.query(`DROP TABLE game_session_invites`);
  }
}
