import { MigrationInterface, QueryRunner } from 'typeorm';

/** The socket.io PostgreSQL adapter parks messages over NOTIFY's 8000-byte limit here. */
export class CreateSocketIoAttachments1763700000001 implements MigrationInterface {
  name = 'CreateSocketIoAttachments1763700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE socket_io_attachments (
        id          bigserial UNIQUE,
        created_at  timestamptz DEFAULT now(),
        payload     bytea
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE socket_io_attachments`);
  }
}
