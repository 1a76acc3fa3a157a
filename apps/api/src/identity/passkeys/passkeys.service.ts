import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Passkey } from '@coop/contracts';
import { AuditService } from '../../audit';
import { NoticesService } from '../../notices';
import { AccessPolicy } from '../../platform/access';
import { Clock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { lastPasskey, passkeyNotFound } from '../identity.errors';
import { SessionsService } from '../sessions/sessions.service';
import { PasskeyEntity } from './passkey.entity';

const toPasskey = (p: PasskeyEntity): Passkey => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt.toISOString(),
  lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
  deviceType: p.deviceType,
  backedUp: p.backedUp,
  prfCapable: p.prfCapable,
  flagged: p.flaggedAt !== null,
});

@Injectable()
export class PasskeysService {
  constructor(
    @InjectRepository(PasskeyEntity) private readonly passkeys: Repository<PasskeyEntity>,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly notices: NoticesService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  active(userId: string): Promise<PasskeyEntity[]> {
    return this.passkeys.find({
      where: { userId, revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  /** The credential id of one of the user's passkeys, or null when it is revoked or not theirs. */
  async activeCredentialId(userId: string, passkeyId: string): Promise<string | null> {
    const passkey = await this.passkeys.findOne({
      where: { id: passkeyId, userId, revokedAt: IsNull() },
    });
    return passkey?.credentialId ?? null;
  }

  async list(userId: string): Promise<Passkey[]> {
    return (await this.active(userId)).map(toPasskey);
  }

  async rename(principal: Principal, id: string, name: string): Promise<Passkey> {
    await this.access.require(principal, 'passkey.rename', [id]);
    const passkey = await this.passkeys.findOne({ where: { id, revokedAt: IsNull() } });
    if (!passkey) throw passkeyNotFound();
    passkey.name = name;
    await this.passkeys.save(passkey);
    await this.audit.record({
      action: 'passkey.renamed',
      actorId: principal.userId,
      subjectType: 'user',
      subjectId: passkey.userId,
      details: { passkeyId: id },
    });
    return toPasskey(passkey);
  }

  /**
   * Retires every passkey of the user inside the caller's transaction: at deactivation, and when a
   * recovery link is redeemed (the lost passkey may be in someone else's hands).
   */
  async retireAll(userId: string, m: EntityManager): Promise<void> {
    await m.update(PasskeyEntity, { userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Marks a passkey whose signature counter went backwards: a copy of it is in use somewhere. */
  async flagCloned(passkeyId: string, m: EntityManager): Promise<void> {
    await m.update(PasskeyEntity, { id: passkeyId }, { flaggedAt: this.clock.now() });
  }

  /** The signed-in user revokes one of their own passkeys. */
  async revoke(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, 'passkey.revoke', [id]);
    await this.end({ id }, principal.userId);
  }

  /** A Registry admin revokes a passkey of the user the route names. */
  revokeOf(userId: string, id: string, actorId: string): Promise<void> {
    return this.end({ id, userId }, actorId);
  }

  /**
   * Revokes one passkey and ends every session it opened: whoever holds a lost device must be
   * signed out now, not at the session's absolute limit. The last passkey stays, so nobody is
   * locked out by mistake.
   */
  private async end(where: FindOptionsWhere<PasskeyEntity>, actorId: string): Promise<void> {
    await this.passkeys.manager.transaction(async (m) => {
      const named = await m.findOne(PasskeyEntity, { where: { ...where, revokedAt: IsNull() } });
      if (!named) throw passkeyNotFound();
      const { id, userId } = named;
      const active = await m.find(PasskeyEntity, {
        where: { userId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      // Looked up again under the lock: another request may have revoked it meanwhile.
      const passkey = active.find((p) => p.id === id);
      if (!passkey) throw passkeyNotFound();
      // Flagged passkeys are blocked, so they do not count as a way back in.
      const usable = active.filter((p) => !p.flaggedAt);
      if (!passkey.flaggedAt && usable.length === 1) {
        throw lastPasskey();
      }
      await m.update(PasskeyEntity, { id }, { revokedAt: this.clock.now() });
      const sessionsEnded = await this.sessions.revokeOpenedWith(id, 'passkey revoked', m);
      await this.notices.notify(
        userId,
        'passkey-revoked',
        { passkeyName: passkey.name, byAdmin: actorId !== userId },
        m,
      );
      await this.audit.record(
        {
          action: 'passkey.revoked',
          actorId,
          subjectType: 'user',
          subjectId: userId,
          details: { passkeyId: id, sessionsEnded },
        },
        m,
      );
    });
  }
}
