import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { fingerprint, verifyAttestation, verifyKeyRecord, verifyWrapRecord } from '@coop/crypto';
import type {
  Attestation,
  EnrolKeys,
  KeyRecord,
  UserKeys,
  Verification,
  WrapKind,
  WrapRecord,
} from '@coop/contracts';
import { AuditService } from '../audit';
import { AccessPolicy } from '../platform/access';
import { Clock } from '../platform/clock';
import type { Principal } from '../platform/principal';
import { InvitationsService, PasskeysService, UsersService, userNotFound } from '../identity';
import { KeyAttestationEntity } from './key-attestation.entity';
import { KeyRecordEntity } from './key-record.entity';
import { KeyVerificationEntity } from './key-verification.entity';
import { KeyWrapEntity } from './key-wrap.entity';
import {
  attestationNeedsKeys,
  contactHasNoKeys,
  keyChanged,
  noKeysYet,
  signatureRefused,
  staleKeys,
} from './keys.errors';

/**
 * The public key directory and each user's encrypted key bundles. The server checks every
 * signature before storing anything, but it can decrypt nothing.
 */
@Injectable()
export class KeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly passkeys: PasskeysService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  private current(
    userId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<KeyRecordEntity | null> {
    return m.findOne(KeyRecordEntity, { where: { userId }, order: { generation: 'DESC' } });
  }

  private async assertWrapBelongs(
    principal: Principal,
    record: KeyRecord,
    wrap: WrapRecord,
    m: EntityManager,
  ): Promise<void> {
    if (wrap.generation !== record.generation)
      throw signatureRefused(
        `A wrap for generation ${wrap.generation} does not fit keys of generation ${record.generation}.`,
      );
    if (!(await verifyWrapRecord(wrap, record.userId, record.signingKey)))
      throw signatureRefused('A wrapped key bundle is not signed by these keys.');
    if (wrap.kind === 'prf') await this.access.require(principal, 'passkey.wrap', [wrap.wrapId], m);
  }

  /** First enrolment, or a new generation of keys (which every contact will be warned about). */
  async enrol(principal: Principal, input: EnrolKeys): Promise<UserKeys> {
    const { userId } = principal;
    const { record, wraps } = input;
    if (record.userId !== userId)
      throw signatureRefused('These keys are made out to another user.');
    if (!(await verifyKeyRecord(record)))
      throw signatureRefused('The key record’s self-signature does not verify.');
    await this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`keys:${userId}`]);
      const current = await this.current(userId, m);
      const expected = (current?.generation ?? 0) + 1;
      if (record.generation !== expected) {
        throw staleKeys(expected);
      }
      for (const wrap of wraps) await this.assertWrapBelongs(principal, record, wrap, m);
      const print = await fingerprint(record);
      await m.insert(KeyRecordEntity, {
        id: randomUUID(),
        userId,
        generation: record.generation,
        record,
        fingerprint: print,
      });
      for (const wrap of wraps) await this.saveWrap(userId, wrap, m);
      const user = await this.users.find(userId, m);
      await this.audit.record(
        {
          action: current ? 'keys.changed' : 'keys.enrolled',
          actorId: userId,
          subjectType: 'user',
          subjectId: userId,
          stateCode: user.stateCode,
          details: {
            generation: record.generation,
            fingerprint: print,
            wraps: wraps.map((w) => w.kind),
          },
        },
        m,
      );
    });
    return this.userKeys(userId);
  }

  private async saveWrap(userId: string, wrap: WrapRecord, m: EntityManager): Promise<void> {
    await m.delete(KeyWrapEntity, {
      userId,
      generation: wrap.generation,
      kind: wrap.kind,
      wrapId: wrap.wrapId,
    });
    await m.insert(KeyWrapEntity, {
      id: randomUUID(),
      userId,
      generation: wrap.generation,
      kind: wrap.kind,
      wrapId: wrap.wrapId,
      record: wrap,
    });
  }

  /** Adds or replaces one wrap of the current keys, e.g. for a newly added passkey. */
  async putWrap(principal: Principal, wrap: WrapRecord): Promise<void> {
    const { userId } = principal;
    await this.dataSource.transaction(async (m) => {
      const current = await this.current(userId, m);
      if (!current) throw noKeysYet();
      await this.assertWrapBelongs(principal, current.record as KeyRecord, wrap, m);
      await this.saveWrap(userId, wrap, m);
      await this.audit.record(
        {
          action: 'keys.wrap_saved',
          actorId: userId,
          subjectType: 'user',
          subjectId: userId,
          details: { kind: wrap.kind, generation: wrap.generation },
        },
        m,
      );
    });
  }

  /**
   * Every wrapped bundle of the owner's current keys, ciphertext only. Recovery and passphrase
   * wraps can be guessed at offline, so the route that serves them asks for a fresh step-up.
   */
  async wraps(userId: string): Promise<WrapRecord[]> {
    const current = await this.current(userId);
    if (!current) return [];
    const rows = await this.dataSource.manager.find(KeyWrapEntity, {
      where: { userId, generation: current.generation },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => r.record as WrapRecord);
  }

  /**
   * What any live session may have: the PRF wrap of the passkey that opened it, which only that
   * authenticator can open.
   */
  async sessionWraps(userId: string, passkeyId: string | null): Promise<WrapRecord[]> {
    if (!passkeyId) return [];
    const credentialId = await this.passkeys.activeCredentialId(userId, passkeyId);
    const current = await this.current(userId);
    if (!current || !credentialId) return [];
    const rows = await this.dataSource.manager.find(KeyWrapEntity, {
      where: { userId, generation: current.generation, kind: 'prf', wrapId: credentialId },
    });
    return rows.map((r) => r.record as WrapRecord);
  }

  /** Which kinds of wrap the current keys have, so the unlock screen knows what to offer. */
  async wrapKinds(userId: string): Promise<WrapKind[]> {
    const current = await this.current(userId);
    if (!current) return [];
    const rows = await this.dataSource.manager
      .createQueryBuilder(KeyWrapEntity, 'w')
      .select('DISTINCT w.kind', 'kind')
      .where('w.user_id = :userId AND w.generation = :generation', {
        userId,
        generation: current.generation,
      })
      .orderBy('kind')
      .getRawMany<{ kind: WrapKind }>();
    return rows.map((r) => r.kind);
  }

  /** A directory entry: only an active account has one to look up. */
  async directoryEntry(userId: string): Promise<UserKeys> {
    const user = await this.users.find(userId);
    // The same answer as for an id that names nobody: the status is not for every caller.
    if (user.status !== 'active') throw userNotFound();
    return this.userKeys(userId);
  }

  async userKeys(userId: string): Promise<UserKeys> {
    await this.users.find(userId);
    const records = await this.dataSource.manager.find(KeyRecordEntity, {
      where: { userId },
      order: { generation: 'ASC' },
    });
    const attestations = await this.dataSource.manager.find(KeyAttestationEntity, {
      where: { subjectUserId: userId },
      order: { createdAt: 'ASC' },
    });
    const current = records.at(-1);
    return {
      userId,
      current: (current?.record as KeyRecord | undefined) ?? null,
      fingerprint: current?.fingerprint ?? null,
      history: records.map((r) => ({
        generation: r.generation,
        fingerprint: r.fingerprint,
        createdAt: r.createdAt.toISOString(),
      })),
      attestations: attestations.map((a) => a.attestation as Attestation),
    };
  }

  /** Stores an admin's attestation after checking it describes the subject as they are now. */
  async attest(
    adminId: string,
    subjectUserId: string,
    attestation: Attestation,
  ): Promise<UserKeys> {
    await this.dataSource.transaction(async (m) => {
      if (attestation.attesterUserId !== adminId)
        throw signatureRefused('An attestation must be signed by the admin who submits it.');
      if (attestation.subjectUserId !== subjectUserId)
        throw signatureRefused('The attestation names another user.');
      const subject = await this.users.find(subjectUserId, m);
      const subjectKeys = await this.current(subjectUserId, m);
      const adminKeys = await this.current(adminId, m);
      if (!subjectKeys || !adminKeys) throw attestationNeedsKeys();
      const sameRoles = [...subject.roles].sort().join() === [...attestation.roles].sort().join();
      if (
        subject.status !== 'active' ||
        attestation.fingerprint !== subjectKeys.fingerprint ||
        attestation.stateCode !== subject.stateCode ||
        !sameRoles
      ) {
        throw signatureRefused(
          'The attestation does not match the user’s current key, State and roles.',
        );
      }
      if (attestation.attesterFingerprint !== adminKeys.fingerprint)
        throw signatureRefused('The attestation is not made with your current key.');
      if (!(await verifyAttestation(attestation, (adminKeys.record as KeyRecord).signingKey)))
        throw signatureRefused('The attestation’s signature does not verify.');
      await m.save(KeyAttestationEntity, {
        id: randomUUID(),
        subjectUserId,
        attesterUserId: adminId,
        attestation,
      });
      await this.audit.record(
        {
          action: 'keys.attested',
          actorId: adminId,
          subjectType: 'user',
          subjectId: subjectUserId,
          stateCode: subject.stateCode,
          details: { fingerprint: attestation.fingerprint },
        },
        m,
      );
    });
    return this.userKeys(subjectUserId);
  }

  /** The trust root every user compares out of band: the first Registry admin's current key. */
  async root(): Promise<{ userId: string; displayName: string; fingerprint: string } | null> {
    const first = await this.invitations.firstBootstrapRedeemer();
    if (!first) return null;
    const keys = await this.current(first.id);
    return keys
      ? { userId: first.id, displayName: first.displayName, fingerprint: keys.fingerprint }
      : null;
  }

  async recordVerification(
    verifierUserId: string,
    subjectUserId: string,
    print: string,
  ): Promise<Verification> {
    const current = await this.current(subjectUserId);
    if (!current) {
      throw contactHasNoKeys();
    }
    if (current.fingerprint !== print) {
      throw keyChanged();
    }
    const verifiedAt = this.clock.now();
    await this.dataSource.manager.upsert(
      KeyVerificationEntity,
      { id: randomUUID(), verifierUserId, subjectUserId, fingerprint: print, verifiedAt },
      { conflictPaths: ['verifierUserId', 'subjectUserId'] },
    );
    return {
      subjectUserId,
      fingerprint: print,
      verifiedAt: verifiedAt.toISOString(),
      stale: false,
    };
  }

  async verifications(verifierUserId: string): Promise<Verification[]> {
    const rows = (await this.dataSource.query(
      `SELECT v.subject_user_id, v.fingerprint, v.verified_at,
              (SELECT k.fingerprint FROM key_records k WHERE k.user_id = v.subject_user_id ORDER BY k.generation DESC LIMIT 1) AS current
         FROM key_verifications v WHERE v.verifier_user_id = $1`,
      [verifierUserId],
    )) as {
      subject_user_id: string;
      fingerprint: string;
      verified_at: Date;
      current: string | null;
    }[];
    return rows.map((r) => ({
      subjectUserId: r.subject_user_id,
      fingerprint: r.fingerprint,
      verifiedAt: r.verified_at.toISOString(),
      stale: r.current !== r.fingerprint,
    }));
  }
}
