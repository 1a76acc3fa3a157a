import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A key bundle wrapped for a passkey's PRF must not outlive the passkey: once it is revoked
 * (by its owner, an admin, a recovery or a deactivation) or flagged as cloned, whoever holds that
 * authenticator could still unwrap the keys with a wrap the server hands back. The database
 * deletes such wraps itself, whichever code path retired the passkey.
 */
export class ForgetRetiredPasskeyWraps1795430000000 implements MigrationInterface {
  name = 'ForgetRetiredPasskeyWraps1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION key_wraps_forget_retired_passkey() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
           OR (NEW.flagged_at IS NOT NULL AND OLD.flagged_at IS NULL) THEN
          DELETE FROM "key_wraps" WHERE "user_id" = NEW.user_id AND "kind" = 'prf' AND "wrap_id" = NEW.credential_id;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER passkeys_forget_wraps AFTER UPDATE OF "revoked_at", "flagged_at" ON "passkeys" FOR EACH ROW EXECUTE FUNCTION key_wraps_forget_retired_passkey()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER passkeys_forget_wraps ON "passkeys"`);
    await queryRunner.query(`DROP FUNCTION key_wraps_forget_retired_passkey()`);
  }
}
