import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `version` and `last_seq` were one counter stored twice: both the seq of the session's newest
 * event. `version` stays (the API's name); the migration refuses to run where any row says otherwise.
 */
export class MergeVersionAndLastSeq1763700000003 implements MigrationInterface {
  name = 'MergeVersionAndLastSeq1763700000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const disagreeing = (await queryRunner.query(`
      SELECT s.id, s.version, s.last_seq AS "lastSeq", (SELECT max(e.seq) FROM game_session_events e WHERE e.session_id = s.id) AS "newestSeq"
      FROM game_sessions s
      WHERE s.version <> s.last_seq
         OR s.version IS DISTINCT FROM (SELECT max(e.seq) FROM game_session_events e WHERE e.session_id = s.id)
      LIMIT 5`)) as { id: string; version: number; lastSeq: number; newestSeq: number | null }[];
    if (disagreeing.length > 0) {
      const rows = disagreeing.map((r) => `${r.id} (version ${r.version}, last_seq ${r.lastSeq}, newest event ${r.newestSeq})`);
      throw new Error(`Cannot merge last_seq into version: they differ, or differ from the newest event's seq, in ${rows.join(', ')}`);
    }
    await queryRunner.query(`ALTER TABLE game_sessions DROP COLUMN last_seq`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE game_sessions ADD COLUMN last_seq integer CHECK (last_seq > 0)`);
    await queryRunner.query(`UPDATE game_sessions SET last_seq = version`);
    await queryRunner.query(`ALTER TABLE game_sessions ALTER COLUMN last_seq SET NOT NULL`);
  }
}
