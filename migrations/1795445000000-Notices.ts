import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices that tell users about changes to their account's ways in (passkeys added or revoked,
 * recovery links issued, sign-ins from a new browser, sessions ended by an admin); the browsers
 * each user signed in from, known only by a per-user hash of a random cookie; and the last few
 * sign-ins, for "last sign-in" after the next one.
 */
export class Notices1795445000000 implements MigrationInterface {
  name = 'Notices1795445000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notices" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "details" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notices_kind_known" CHECK ("kind" IN ('passkey-added', 'passkey-revoked', 'recovery-issued', 'new-browser', 'sessions-ended')), CONSTRAINT "PK_3eb18c29da25d6935fcbe584237" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notices_user_created" ON "notices"("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "known_browsers" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "browser_hash" bytea NOT NULL, "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_945774a1ecacd3564963055cb7f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "known_browsers_user_hash_unique" ON "known_browsers"("user_id", "browser_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_ins" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "session_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "browser" text, CONSTRAINT "PK_4579b825694df5090ed8a003735" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sign_ins_session_unique" ON "sign_ins"("session_id")`,
    );
    await queryRunner.query(`CREATE INDEX "sign_ins_user_at" ON "sign_ins"("user_id", "at")`);
    await queryRunner.query(
      `ALTER TABLE "notices" ADD CONSTRAINT "notices_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "known_browsers" ADD CONSTRAINT "known_browsers_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_ins"`);
    await queryRunner.query(`DROP TABLE "known_browsers"`);
    await queryRunner.query(`DROP TABLE "notices"`);
  }
}
