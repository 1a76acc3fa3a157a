import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application connects as `coop_app`, which may read and write rows and nothing more: it
 * owns nothing, so it cannot disable the audit log's triggers, alter a table or set
 * session_replication_role. The audit log takes only SELECT and INSERT from it, and
 * schema_migrations only SELECT (for readiness). Tables and sequences that later migrations
 * create, as the same owner, get the same grants by default.
 */
export class ApplicationRole1795440000000 implements MigrationInterface {
  name = 'ApplicationRole1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Roles are cluster-wide: it usually exists already, created with LOGIN beside the database.
    await queryRunner.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'coop_app') THEN
          CREATE ROLE coop_app NOLOGIN;
        END IF;
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO coop_app`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO coop_app`,
    );
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO coop_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE ON "audit_log" FROM coop_app`);
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE ON "schema_migrations" FROM coop_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO coop_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO coop_app`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM coop_app`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM coop_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM coop_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM coop_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM coop_app`);
    // The role stays: other databases of the cluster may grant to it too.
  }
}
