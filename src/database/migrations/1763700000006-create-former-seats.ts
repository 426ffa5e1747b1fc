import { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_BEFORE = `'ParticipantJoined', 'ParticipantLeft', 'SessionStatusChanged', 'ParticipantRenamed'`;

/**
 * The removal lifecycle: the latest departure of each user not seated now (for undo, bans and telling
 * them why), filled from the logs written so far, and the log's new events (restore, type change,
 * hand-over, ban lifted). Departures logged before carry no note and no ban.
 */
export class CreateFormerSeats1763700000006 implements MigrationInterface {
  name = 'CreateFormerSeats1763700000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE game_session_former_seats (
        session_id    uuid NOT NULL CONSTRAINT game_session_former_seats_session_id_fkey REFERENCES game_sessions (id),
        user_id       uuid NOT NULL,
        type          varchar(16) NOT NULL CONSTRAINT game_session_former_seats_type_check CHECK (type IN ('Master', 'Player', 'Assistant', 'Guest')),
        display_name  varchar(64),
        joined_at     timestamptz NOT NULL,
        joined_seq    integer NOT NULL,
        left_seq      integer NOT NULL,
        left_at       timestamptz NOT NULL,
        reason        varchar(16) NOT NULL CONSTRAINT game_session_former_seats_reason_check CHECK (reason IN ('removed', 'left')),
        removed_by    uuid,
        note          varchar(512),
        banned        boolean NOT NULL,
        ban_until     timestamptz,
        CONSTRAINT game_session_former_seats_ban_check CHECK (ban_until IS NULL OR banned),
        PRIMARY KEY (session_id, user_id)
      )`);
    // Each user's newest ParticipantLeft, where they are not seated again, with the seat it ended
    // (their newest join before it) and the name it had then (that join's, or a later rename's).
    await queryRunner.query(`
      INSERT INTO game_session_former_seats
        (session_id, user_id, type, display_name, joined_at, joined_seq, left_seq, left_at, reason, removed_by, note, banned, ban_until)
      SELECT DISTINCT ON (l.session_id, l.data->>'userId')
        l.session_id, (l.data->>'userId')::uuid, l.data->>'type', named.display_name, j.occurred_at, j.seq,
        l.seq, l.occurred_at, l.data->>'reason', (l.data->>'removedBy')::uuid, NULL, false, NULL
      FROM game_session_events l
      JOIN LATERAL (
        SELECT seq, occurred_at FROM game_session_events j
        WHERE j.session_id = l.session_id AND j.event = 'ParticipantJoined' AND j.data->>'userId' = l.data->>'userId' AND j.seq < l.seq
        ORDER BY j.seq DESC LIMIT 1
      ) j ON true
      JOIN LATERAL (
        SELECT n.data->>'displayName' AS display_name FROM game_session_events n
        WHERE n.session_id = l.session_id AND n.event IN ('ParticipantJoined', 'ParticipantRenamed')
          AND n.data->>'userId' = l.data->>'userId' AND n.seq BETWEEN j.seq AND l.seq
        ORDER BY n.seq DESC LIMIT 1
      ) named ON true
      WHERE l.event = 'ParticipantLeft'
        AND NOT EXISTS (SELECT 1 FROM game_session_players p WHERE p.session_id = l.session_id AND p.user_id = (l.data->>'userId')::uuid)
      ORDER BY l.session_id, l.data->>'userId', l.seq DESC`);
    await queryRunner.query(`
      ALTER TABLE game_session_events DROP CONSTRAINT game_session_events_event_check,
        ADD CONSTRAINT game_session_events_event_check CHECK (event IN (${EVENTS_BEFORE}, 'ParticipantRestored', 'ParticipantTypeChanged', 'GameMasterChanged', 'BanLifted'))`);
  }

  /** Refused (by the constraint) once one of the new events is in a log: the log is never rewritten. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE game_session_events DROP CONSTRAINT game_session_events_event_check,
        ADD CONSTRAINT game_session_events_event_check CHECK (event IN (${EVENTS_BEFORE}))`);
    await queryRunner.query(`DROP TABLE game_session_former_seats`);
  }
}
