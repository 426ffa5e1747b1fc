import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first response to each Idempotency-Key, per caller, replayed to retries for 24 hours. */
export class CreateIdempotencyKeys1763700000002 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        user_id          uuid NOT NULL,
        key              varchar(255) NOT NULL,
        request_hash     char(64) NOT NULL,
        response_status  smallint NOT NULL,
        response_body    jsonb NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
  }
}
