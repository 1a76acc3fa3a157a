import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface StateRecord {
  code: string;
  names: { en: string; fr: string; ar: string; es: string };
  regionalGroup: string;
  entryIntoForce: string;
  withdrawalEffective: string | null;
}

/**
 * Identity and access: States Parties (seeded from data/states-parties.json), users,
 * invitations, passkeys, WebAuthn challenges, sessions, Registry-admin grants, and the
 * hash-chained audit log, which a trigger keeps append-only.
 */
export class IdentityAndAudit1795413000000 implements MigrationInterface {
  name = 'IdentityAndAudit1795413000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "action" text NOT NULL, "subject_type" text, "subject_id" text, "state_code" character(3), "details" jsonb NOT NULL, "prev_hash" bytea NOT NULL, "hash" bytea NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_at" ON "audit_log"("at")`);
    await queryRunner.query(`CREATE INDEX "audit_log_state" ON "audit_log"("state_code", "seq")`);
    await queryRunner.query(`CREATE INDEX "audit_log_action" ON "audit_log"("action", "seq")`);
    await queryRunner.query(`CREATE INDEX "audit_log_actor" ON "audit_log"("actor_id", "seq")`);
    await queryRunner.query(
      `CREATE TABLE "states" ("code" character(3) NOT NULL, "names" jsonb NOT NULL, "regional_group" text NOT NULL, "entry_into_force" date NOT NULL, "withdrawal_effective" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "states_regional_group" CHECK ("regional_group" IN ('african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other')), CONSTRAINT "states_code_format" CHECK ("code" ~ '^[A-Z]{3}$'), CONSTRAINT "PK_b8af4194277281dcfe08be42643" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "state_revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "code" character(3) NOT NULL, "snapshot" jsonb NOT NULL, "actor_id" uuid, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2ebb8e3fba4863e3c5f21c83372" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "state_revisions_code" ON "state_revisions"("code", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "display_name" text NOT NULL, "email" text NOT NULL, "roles" text array NOT NULL, "state_code" character(3), "status" text NOT NULL, "webauthn_user_id" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_focal_point_state" CHECK (('focal_point' = ANY("roles")) = ("state_code" IS NOT NULL)), CONSTRAINT "users_status_known" CHECK ("status" IN ('invited', 'active', 'suspended', 'deactivated')), CONSTRAINT "users_roles_known" CHECK ("roles" <@ ARRAY['registry_admin', 'facilitator', 'focal_point']::text[] AND cardinality("roles") > 0), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_webauthn_user_id_unique" ON "users"("webauthn_user_id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_unique" ON "users"("email")`);
    await queryRunner.query(
      `CREATE TABLE "admin_grants" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "admin_grants_two_people" CHECK ("decided_by" IS NULL OR "decided_by" <> "requested_by"), CONSTRAINT "admin_grants_status_known" CHECK ("status" IN ('pending', 'approved', 'rejected', 'cancelled')), CONSTRAINT "PK_246efaf15d91245b503f200b25e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "admin_grants_one_pending" ON "admin_grants"("user_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "invitations" ("id" uuid NOT NULL, "token_hash" bytea NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "redeemed_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, CONSTRAINT "invitations_purpose_known" CHECK ("purpose" IN ('onboarding', 'recovery', 'bootstrap')), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "invitations_user" ON "invitations"("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "invitations_token_hash_unique" ON "invitations"("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL, "token_hash" bytea NOT NULL, "user_id" uuid NOT NULL, "passkey_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "user_agent" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sessions_user" ON "sessions"("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions"("token_hash")`,
    );
    await queryRunner.query(
      `CREATE TABLE "webauthn_challenges" ("id" uuid NOT NULL, "challenge" text NOT NULL, "ceremony" text NOT NULL, "user_id" uuid, "invitation_id" uuid, "session_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webauthn_challenges_ceremony_known" CHECK ("ceremony" IN ('register', 'sign-in', 'step-up', 'add-passkey')), CONSTRAINT "PK_e2946be78aa4435a952618a944d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webauthn_challenges_expires" ON "webauthn_challenges"("expires_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "webauthn_challenges_challenge_unique" ON "webauthn_challenges"("challenge")`,
    );
    await queryRunner.query(
      `CREATE TABLE "passkeys" ("id" uuid NOT NULL, "credential_id" text NOT NULL, "user_id" uuid NOT NULL, "name" text NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL, "transports" text array NOT NULL DEFAULT '{}', "aaguid" uuid NOT NULL, "attestation_format" text NOT NULL, "device_type" text NOT NULL, "backed_up" boolean NOT NULL, "prf_capable" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "flagged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_db928e6fd79e7098911268a74c3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "passkeys_user" ON "passkeys"("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "passkeys_credential_id_unique" ON "passkeys"("credential_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "state_revisions" ADD CONSTRAINT "state_revisions_state_fk" FOREIGN KEY ("code") REFERENCES "states"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_state_fk" FOREIGN KEY ("state_code") REFERENCES "states"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "admin_grants" ADD CONSTRAINT "admin_grants_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "passkeys" ADD CONSTRAINT "passkeys_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );

    const file = join(__dirname, 'data', 'states-parties.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { states: StateRecord[] };
    for (const s of data.states) {
      await queryRunner.query(
        `INSERT INTO "states" ("code", "names", "regional_group", "entry_into_force", "withdrawal_effective") VALUES ($1, $2, $3, $4, $5)`,
        [s.code, JSON.stringify(s.names), s.regionalGroup, s.entryIntoForce, s.withdrawalEffective],
      );
      await queryRunner.query(
        `INSERT INTO "state_revisions" ("code", "snapshot", "actor_id", "reason") VALUES ($1, $2, NULL, 'seeded from the States Parties reference file')`,
        [s.code, JSON.stringify(s)],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP TABLE "passkeys"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP TABLE "admin_grants"`);
    await queryRunner.query(`DROP TABLE "webauthn_challenges"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "state_revisions"`);
    await queryRunner.query(`DROP TABLE "states"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
