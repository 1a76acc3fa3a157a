import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters move from each process's memory into the database, so that several API
 * instances share one limit per client address instead of each allowing it again.
 */
export class RateLimitHits1795443000000 implements MigrationInterface {
  name = 'RateLimitHits1795443000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rate_limit_hits" ("bucket" text NOT NULL, "key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, CONSTRAINT "rate_limit_hits_pk" PRIMARY KEY ("bucket", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "rate_limit_hits_window_start" ON "rate_limit_hits"("window_start")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit_hits"`);
  }
}
