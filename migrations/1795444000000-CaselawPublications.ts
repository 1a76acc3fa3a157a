import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A record of each publication of a case-law revision: the facilitator who reviewed and
 * published it, and the authors of the change (submitter and editors since the previous
 * publication). Under the second-review rule the database itself refuses a row whose publisher
 * is one of its authors.
 */
export class CaselawPublications1795444000000 implements MigrationInterface {
  name = 'CaselawPublications1795444000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "caselaw_publications" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "entry_id" uuid NOT NULL, "revision" integer NOT NULL, "published_by" uuid NOT NULL, "authors" uuid array NOT NULL, "second_review" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "caselaw_publications_second_pair_of_eyes" CHECK (NOT "second_review" OR NOT ("published_by" = ANY ("authors"))), CONSTRAINT "caselaw_publications_pk" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "caselaw_publications_entry_revision" ON "caselaw_publications"("entry_id", "revision")`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_publications" ADD CONSTRAINT "caselaw_publications_entry_fk" FOREIGN KEY ("entry_id") REFERENCES "caselaw_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "caselaw_publications" ADD CONSTRAINT "caselaw_publications_published_by_fk" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "caselaw_publications"`);
  }
}
