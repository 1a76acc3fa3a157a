import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notice kinds before this migration (frozen here: migrations import nothing of the app). */
const NOTICE_KINDS = `'passkey-added', 'passkey-revoked', 'recovery-issued', 'new-browser', 'sessions-ended'`;

/**
 * Admin grants become two-person approvals of several kinds: withdrawing the admin role, changing
 * an admin's roles, State or status, and recovering an admin (or anyone with a request pending) all
 * wait for a second Registry admin. The database refuses a decision by the requester. Invitations
 * remember who asked for a link that another admin issued, and a new notice tells the person a
 * request is about, and the other admins, that it waits.
 */
export class TwoPersonApprovals1795446000000 implements MigrationInterface {
  name = 'TwoPersonApprovals1795446000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "admin_grants" RENAME TO "approvals"`);
    await queryRunner.query(`DROP INDEX "admin_grants_one_pending"`);
    await queryRunner.query(
      `ALTER TABLE "approvals" DROP CONSTRAINT "admin_grants_two_people", DROP CONSTRAINT "admin_grants_status_known"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" RENAME CONSTRAINT "admin_grants_user_fk" TO "approvals_user_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" RENAME CONSTRAINT "PK_246efaf15d91245b503f200b25e" TO "PK_690417aaefa84d18b1a59e2a499"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" ADD "kind" text NOT NULL DEFAULT 'admin.grant', ADD "change" jsonb NOT NULL DEFAULT '{}', ADD "note" text`,
    );
    await queryRunner.query(`ALTER TABLE "approvals" ALTER COLUMN "kind" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "approvals" ALTER COLUMN "change" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "approvals" ADD CONSTRAINT "approvals_two_people" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by")`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" ADD CONSTRAINT "approvals_status_known" CHECK ("status" IN ('pending', 'approved', 'rejected', 'cancelled', 'void'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" ADD CONSTRAINT "approvals_kind_known" CHECK ("kind" IN ('admin.grant', 'admin.withdraw', 'user.update', 'user.status', 'user.recovery'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "approvals_one_pending" ON "approvals"("user_id", "kind") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" ADD "requested_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "notices" DROP CONSTRAINT "notices_kind_known", ADD CONSTRAINT "notices_kind_known" CHECK ("kind" IN (${NOTICE_KINDS}, 'approval-requested'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notices" WHERE "kind" = 'approval-requested'`);
    await queryRunner.query(
      `ALTER TABLE "notices" DROP CONSTRAINT "notices_kind_known", ADD CONSTRAINT "notices_kind_known" CHECK ("kind" IN (${NOTICE_KINDS}))`,
    );
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "requested_by"`);
    await queryRunner.query(`DELETE FROM "approvals" WHERE "kind" <> 'admin.grant'`);
    await queryRunner.query(
      `UPDATE "approvals" SET "status" = 'cancelled' WHERE "status" = 'void'`,
    );
    await queryRunner.query(`DROP INDEX "approvals_one_pending"`);
    await queryRunner.query(
      `ALTER TABLE "approvals" DROP CONSTRAINT "approvals_kind_known", DROP CONSTRAINT "approvals_status_known", DROP CONSTRAINT "approvals_two_people"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" DROP COLUMN "note", DROP COLUMN "change", DROP COLUMN "kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" RENAME CONSTRAINT "PK_690417aaefa84d18b1a59e2a499" TO "PK_246efaf15d91245b503f200b25e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" RENAME CONSTRAINT "approvals_user_fk" TO "admin_grants_user_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "approvals" ADD CONSTRAINT "admin_grants_two_people" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"), ADD CONSTRAINT "admin_grants_status_known" CHECK ("status" IN ('pending', 'approved', 'rejected', 'cancelled'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "admin_grants_one_pending" ON "approvals"("user_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`ALTER TABLE "approvals" RENAME TO "admin_grants"`);
  }
}
