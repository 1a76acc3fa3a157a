import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public key directory: self-signed key records by generation, the private key bundles
 * wrapped in the browser (ciphertext only), Registry attestations, and each user's record of
 * the contacts whose safety numbers they compared.
 */
export class KeyDirectory1795416000000 implements MigrationInterface {
  name = 'KeyDirectory1795416000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "key_attestations" ("id" uuid NOT NULL, "subject_user_id" uuid NOT NULL, "attester_user_id" uuid NOT NULL, "attestation" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9fc91c8bf922d9b4b801baf9247" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "key_attestations_subject" ON "key_attestations"("subject_user_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "key_records" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "generation" integer NOT NULL, "record" jsonb NOT NULL, "fingerprint" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2fef5fe3e90a792b231fef305b8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "key_records_user_generation_unique" ON "key_records"("user_id", "generation")`,
    );
    await queryRunner.query(
      `CREATE TABLE "key_wraps" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "generation" integer NOT NULL, "kind" text NOT NULL, "wrap_id" text NOT NULL, "record" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e0fbbcdb10583f124701962f624" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "key_wraps_current_unique" ON "key_wraps"("user_id", "generation", "kind", "wrap_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "key_verifications" ("id" uuid NOT NULL, "verifier_user_id" uuid NOT NULL, "subject_user_id" uuid NOT NULL, "fingerprint" text NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_327ce885f00a6f0ebce5579826e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "key_verifications_pair_unique" ON "key_verifications"("verifier_user_id", "subject_user_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_attestations" ADD CONSTRAINT "key_attestations_subject_fk" FOREIGN KEY ("subject_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_attestations" ADD CONSTRAINT "key_attestations_attester_fk" FOREIGN KEY ("attester_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_records" ADD CONSTRAINT "key_records_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_wraps" ADD CONSTRAINT "key_wraps_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_verifications" ADD CONSTRAINT "key_verifications_verifier_fk" FOREIGN KEY ("verifier_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "key_verifications" ADD CONSTRAINT "key_verifications_subject_fk" FOREIGN KEY ("subject_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "key_verifications"`);
    await queryRunner.query(`DROP TABLE "key_attestations"`);
    await queryRunner.query(`DROP TABLE "key_wraps"`);
    await queryRunner.query(`DROP TABLE "key_records"`);
  }
}
