import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, Not, Repository, type EntityManager } from 'typeorm';
import type {
  Approval,
  CreateInvitation,
  Invitation,
  IssuedInvitation,
  InvitationPreview,
  InvitationPurpose,
  InvitationStatus,
  UserStatus,
} from '@coop/contracts';
import { AuditService } from '../../audit';
import { NoticesService } from '../../notices';
import { StatesService } from '../../states';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, type AppConfig } from '../../platform/config';
import {
  alreadyBootstrapped,
  invitationInvalid,
  invitationNotFound,
  invitationNotPending,
  linkNeedsLiveAccount,
  ownRecoveryLink,
} from '../identity.errors';
import { hashSecretToken, looksLikeToken, newSecretToken } from '../secret-token';
import { ApprovalRequestsService, type Outcome } from '../approvals/approval-requests.service';
import { UserEntity } from '../users/user.entity';
import { UsersService, type ApprovedBy } from '../users/users.service';
import { InvitationEntity } from './invitation.entity';

const DEFAULT_HOURS = 72;
/** How many Registry admins the operator may seat before the two-person rule takes over. */
const BOOTSTRAP_ADMINS = 2;

/** A recovery link is for someone already active; the others enrol someone still invited. */
const redeemerStatus = (invitation: InvitationEntity): UserStatus =>
  invitation.purpose === 'recovery' ? 'active' : 'invited';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    private readonly users: UsersService,
    private readonly requests: ApprovalRequestsService,
    private readonly states: StatesService,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  statusOf(inv: InvitationEntity): InvitationStatus {
    if (inv.redeemedAt) return 'redeemed';
    if (inv.revokedAt) return 'revoked';
    return inv.expiresAt <= this.clock.now() ? 'expired' : 'pending';
  }

  private view(inv: InvitationEntity, user: UserEntity): Invitation {
    return {
      id: inv.id,
      userId: user.id,
      displayName: user.displayName,
      email: user.email,
      roles: user.roles,
      stateCode: user.stateCode,
      purpose: inv.purpose,
      status: this.statusOf(inv),
      createdAt: inv.createdAt.toISOString(),
      expiresAt: inv.expiresAt.toISOString(),
      createdBy: inv.createdBy,
      requestedBy: inv.requestedBy,
    };
  }

  /** The link carries the token in its fragment, which browsers never send to a server. */
  private link(token: string): string {
    return `${this.config.PUBLIC_ORIGIN}/invite#${token}`;
  }

  private async issueFor(
    user: UserEntity,
    purpose: InvitationPurpose,
    hours: number,
    actorId: string | null,
    m: EntityManager,
    requestedBy: string | null = null,
  ): Promise<IssuedInvitation> {
    const { token, hash } = newSecretToken();
    const inv = await m.save(
      m.create(InvitationEntity, {
        id: randomUUID(),
        tokenHash: hash,
        userId: user.id,
        purpose,
        createdBy: actorId,
        requestedBy,
        expiresAt: new Date(this.clock.now().getTime() + hours * 3_600_000),
        redeemedAt: null,
        revokedAt: null,
        revokedBy: null,
      }),
    );
    await this.audit.record(
      {
        action: 'invitation.issued',
        actorId,
        subjectType: 'user',
        subjectId: user.id,
        stateCode: user.stateCode,
        details: {
          invitationId: inv.id,
          purpose,
          roles: user.roles,
          ...(requestedBy ? { requestedBy } : {}),
        },
      },
      m,
    );
    if (purpose === 'recovery')
      await this.notices.notify(
        user.id,
        'recovery-issued',
        { expiresAt: inv.expiresAt.toISOString() },
        m,
      );
    return { invitation: this.view(inv, user), link: this.link(token) };
  }

  async invite(input: CreateInvitation, actorId: string) {
    return this.invitations.manager.transaction(async (m) => {
      const user = await this.users.createInvited(input, m);
      return this.issueFor(user, 'onboarding', input.expiresInHours, actorId, m);
    });
  }

  /**
   * A new link for a person: a replacement onboarding link for someone who never enrolled (their
   * link expired or was revoked), or a recovery link for an active user who lost their passkey.
   * Whoever redeems a link holds the account, so for a Registry admin, or for someone a request is
   * waiting about, a second admin must approve it (`user.recovery`): otherwise one admin could take
   * over another, or the person they asked to promote, and approve as them.
   */
  async inviteToRecover(
    userId: string,
    hours: number,
    actorId: string,
  ): Promise<Outcome<IssuedInvitation>> {
    return this.invitations.manager.transaction(async (m) => {
      const user = await this.users.find(userId, m);
      this.assertCanRecover(user);
      if (user.roles.includes('registry_admin') || (await this.requests.hasPending(user.id, m))) {
        if (user.id === actorId) {
          throw ownRecoveryLink();
        }
        const change = { expiresInHours: hours };
        return { pending: await this.requests.file('user.recovery', user, change, actorId, m) };
      }
      return { done: await this.issueNewLink(user, hours, { actorId }, m) };
    });
  }

  /** Carries out a `user.recovery` request: the link goes to the admin who approved it, once. */
  async executeRecovery(
    userId: string,
    change: Approval['change'],
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<IssuedInvitation> {
    const user = await this.users.find(userId, m);
    this.assertCanRecover(user);
    return this.issueNewLink(user, change.expiresInHours ?? DEFAULT_HOURS, by, m);
  }

  private assertCanRecover(user: UserEntity): void {
    if (user.status !== 'active' && user.status !== 'invited') {
      throw linkNeedsLiveAccount();
    }
  }

  /** Any link still pending for the person stops working. */
  private async issueNewLink(
    user: UserEntity,
    hours: number,
    by: ApprovedBy,
    m: EntityManager,
  ): Promise<IssuedInvitation> {
    await m.update(
      InvitationEntity,
      { userId: user.id, redeemedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: this.clock.now(), revokedBy: by.actorId },
    );
    return this.issueFor(
      user,
      user.status === 'invited' ? 'onboarding' : 'recovery',
      hours,
      by.actorId,
      m,
      by.approval?.requestedBy ?? null,
    );
  }

  /**
   * The first Registry admins. The two-person rule needs two admins to grant the role, so the
   * operator seats the first two; once two are active, admins are made only in the console.
   */
  async bootstrap(displayName: string, email: string) {
    return this.invitations.manager.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [0x424f4f54]);
      if ((await this.users.countActiveAdmins(m)) >= BOOTSTRAP_ADMINS) {
        throw alreadyBootstrapped();
      }
      const existing = await m.findOne(UserEntity, { where: { email: email.toLowerCase() } });
      const user =
        existing?.status === 'invited' && existing.roles.includes('registry_admin')
          ? existing
          : await this.users.createInvited(
              {
                displayName,
                email: email.toLowerCase(),
                roles: ['registry_admin'],
                stateCode: null,
              },
              m,
            );
      // Only the newest link for a person works: an older one may have leaked with a log.
      await m.update(
        InvitationEntity,
        { purpose: 'bootstrap', userId: user.id, redeemedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: this.clock.now() },
      );
      return this.issueFor(user, 'bootstrap', DEFAULT_HOURS, null, m);
    });
  }

  /** True when nobody can administer the platform and no bootstrap link is waiting. */
  async needsBootstrap(): Promise<boolean> {
    return this.invitations.manager.transaction(async (m) => {
      if ((await this.users.countActiveAdmins(m)) > 0) return false;
      const pending = await m
        .createQueryBuilder(InvitationEntity, 'i')
        .where(
          "i.purpose = 'bootstrap' AND i.redeemed_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now",
          { now: this.clock.now() },
        )
        .getCount();
      return pending === 0;
    });
  }

  /** The person who redeemed the first bootstrap link: the root of key attestations. */
  async firstBootstrapRedeemer(): Promise<UserEntity | null> {
    const first = await this.invitations.findOne({
      where: { purpose: 'bootstrap', redeemedAt: Not(IsNull()) },
      order: { redeemedAt: 'ASC' },
    });
    return first ? this.users.find(first.userId) : null;
  }

  async list(status?: InvitationStatus): Promise<Invitation[]> {
    const rows = await this.invitations.find({ order: { createdAt: 'DESC' }, take: 1000 });
    const users = await this.users.byIds([...new Set(rows.map((r) => r.userId))]);
    return rows
      .flatMap((r) => {
        const user = users.get(r.userId);
        return user ? [this.view(r, user)] : [];
      })
      .filter((i) => !status || i.status === status);
  }

  async revoke(id: string, actorId: string): Promise<Invitation> {
    return this.invitations.manager.transaction(async (m) => {
      const inv = await m.findOne(InvitationEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!inv) throw invitationNotFound();
      if (this.statusOf(inv) !== 'pending') {
        throw invitationNotPending(this.statusOf(inv));
      }
      inv.revokedAt = this.clock.now();
      inv.revokedBy = actorId;
      await m.save(inv);
      const user = await this.users.find(inv.userId, m);
      await this.audit.record(
        {
          action: 'invitation.revoked',
          actorId,
          subjectType: 'user',
          subjectId: user.id,
          stateCode: user.stateCode,
          details: { invitationId: id },
        },
        m,
      );
      return this.view(inv, user);
    });
  }

  /** A pending invitation and its user, from the token in a link; anything else is one error. */
  async findRedeemable(
    token: string,
    manager?: EntityManager,
  ): Promise<{ invitation: InvitationEntity; user: UserEntity }> {
    if (!looksLikeToken(token)) throw invitationInvalid();
    const m = manager ?? this.invitations.manager;
    const invitation = await m.findOne(InvitationEntity, {
      where: { tokenHash: hashSecretToken(token), redeemedAt: IsNull(), revokedAt: IsNull() },
    });
    if (!invitation || invitation.expiresAt <= this.clock.now()) throw invitationInvalid();
    const user = await this.users.find(invitation.userId, m);
    if (user.status !== redeemerStatus(invitation)) throw invitationInvalid();
    return { invitation, user };
  }

  async preview(token: string): Promise<InvitationPreview> {
    const { invitation, user } = await this.findRedeemable(token);
    return {
      displayName: user.displayName,
      email: user.email,
      roles: user.roles,
      stateCode: user.stateCode,
      stateNames: user.stateCode ? (await this.states.get(user.stateCode)).names : null,
      purpose: invitation.purpose,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Marks the invitation used and returns its person, locked, inside the caller's transaction.
   * Both are checked again here, not only in `findRedeemable`: while the passkey was being
   * verified, another request may have redeemed or revoked the link, or deactivated the person.
   */
  async markRedeemed(invitation: InvitationEntity, m: EntityManager): Promise<UserEntity> {
    const now = this.clock.now();
    const result = await m.update(
      InvitationEntity,
      { id: invitation.id, redeemedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      { redeemedAt: now },
    );
    if (!result.affected) throw invitationInvalid();
    const user = await m.findOne(UserEntity, {
      where: { id: invitation.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user || user.status !== redeemerStatus(invitation)) throw invitationInvalid();
    // A bootstrap link left over from first start must not seat a third admin.
    if (
      invitation.purpose === 'bootstrap' &&
      (await this.users.countActiveAdmins(m)) >= BOOTSTRAP_ADMINS
    ) {
      throw invitationInvalid();
    }
    if (invitation.purpose === 'recovery')
      await this.requests.voidPendingAbout(user.id, 'the account was recovered', m);
    return user;
  }

  /**
   * Whether a person redeemed a recovery link since `since` that `requestedBy` asked for or issued:
   * then that admin may be holding the account, and cannot count on it as a second person.
   */
  async recoveredBy(
    userIds: string[],
    requestedBy: string,
    since: Date,
    m: EntityManager,
  ): Promise<boolean> {
    return m
      .createQueryBuilder(InvitationEntity, 'i')
      .where("i.purpose = 'recovery' AND i.user_id IN (:...userIds)", { userIds })
      .andWhere('i.redeemed_at >= :since', { since })
      .andWhere('(i.requested_by = :requestedBy OR i.created_by = :requestedBy)', { requestedBy })
      .getExists();
  }
}
