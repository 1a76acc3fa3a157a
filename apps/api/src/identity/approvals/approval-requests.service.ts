import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository, type EntityManager } from 'typeorm';
import type { Approval, ApprovalKind, ApprovalStatus } from '@coop/contracts';
import { AuditService } from '../../audit';
import { Clock } from '../../platform/clock';
import { NoticesService } from '../../notices';
import { AccessPolicy } from '../../platform/access';
import type { Principal } from '../../platform/principal';
import { alreadyDecided, alreadyRequested, approvalNotFound } from '../identity.errors';
import { UserEntity } from '../users/user.entity';
import { ApprovalEntity } from './approval.entity';

export const toApproval = (a: ApprovalEntity): Approval => ({
  id: a.id,
  kind: a.kind,
  userId: a.userId,
  change: a.change,
  requestedBy: a.requestedBy,
  requestedAt: a.requestedAt.toISOString(),
  status: a.status,
  decidedBy: a.decidedBy,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  note: a.note,
});

/** The answer of an action that one admin may take alone (`done`) or must leave to a second. */
export type Outcome<T> = { done: T } | { pending: Approval };

/**
 * Records what one Registry admin asks for and a second must approve. It knows nothing of what
 * the requests do, so users and invitations can file them without depending on their execution.
 */
@Injectable()
export class ApprovalRequestsService {
  constructor(
    @InjectRepository(ApprovalEntity) private readonly approvals: Repository<ApprovalEntity>,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async list(status?: ApprovalStatus): Promise<Approval[]> {
    return (
      await this.approvals.find({
        where: status ? { status } : {},
        order: { requestedAt: 'DESC' },
        take: 500,
      })
    ).map(toApproval);
  }

  async file(
    kind: ApprovalKind,
    subject: UserEntity,
    change: Approval['change'],
    actorId: string,
    m: EntityManager,
  ): Promise<Approval> {
    if (
      await m.exists(ApprovalEntity, { where: { userId: subject.id, kind, status: 'pending' } })
    ) {
      throw alreadyRequested();
    }
    const approval = await m.save(
      m.create(ApprovalEntity, {
        id: randomUUID(),
        kind,
        userId: subject.id,
        change,
        requestedBy: actorId,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        note: null,
      }),
    );
    await this.audit.record(
      {
        action: 'approval.requested',
        actorId,
        subjectType: 'user',
        subjectId: subject.id,
        stateCode: subject.stateCode,
        details: { approvalId: approval.id, kind },
      },
      m,
    );
    await this.tell(approval, m);
    return toApproval(approval);
  }

  /**
   * The person concerned learns of the request while it waits (a recovery asked for behind their
   * back must not go unnoticed), and so does every other active admin, who may decide on it.
   */
  private async tell(approval: ApprovalEntity, m: EntityManager): Promise<void> {
    const admins = await m
      .createQueryBuilder(UserEntity, 'u')
      .select('u.id', 'id')
      .where("u.status = 'active' AND 'registry_admin' = ANY(u.roles)")
      .andWhere('u.id NOT IN (:...skip)', { skip: [approval.requestedBy, approval.userId] })
      .getRawMany<{ id: string }>();
    const approvalKind = approval.kind;
    if (approval.userId !== approval.requestedBy)
      await this.notices.notify(
        approval.userId,
        'approval-requested',
        { approvalKind, aboutYou: true },
        m,
      );
    for (const { id } of admins)
      await this.notices.notify(id, 'approval-requested', { approvalKind, aboutYou: false }, m);
  }

  /** The requester withdraws a request nobody has decided yet. */
  async cancel(principal: Principal, id: string): Promise<Approval> {
    return this.approvals.manager.transaction(async (m) => {
      const approval = await m.findOne(ApprovalEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!approval) throw approvalNotFound();
      await this.access.require(principal, 'approval.cancel', [id], m);
      if (approval.status !== 'pending') throw alreadyDecided(approval.status);
      approval.status = 'cancelled';
      approval.decidedAt = this.clock.now();
      await m.save(approval);
      await this.audit.record(
        {
          action: 'approval.cancelled',
          actorId: principal.userId,
          subjectType: 'user',
          subjectId: approval.userId,
          details: { approvalId: id, kind: approval.kind },
        },
        m,
      );
      return toApproval(approval);
    });
  }

  hasPending(userId: string, m: EntityManager): Promise<boolean> {
    return m.exists(ApprovalEntity, { where: { userId, status: 'pending' } });
  }

  /**
   * Voids every request still waiting about a person whose account was just recovered: whoever
   * holds it now may not be who the requests were meant for.
   */
  async voidPendingAbout(userId: string, note: string, m: EntityManager): Promise<number> {
    const pending = await m.find(ApprovalEntity, {
      where: { userId, status: 'pending' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const approval of pending) await this.void(approval, note, m);
    return pending.length;
  }

  async void(approval: ApprovalEntity, note: string, m: EntityManager): Promise<void> {
    approval.status = 'void';
    approval.note = note;
    approval.decidedAt = this.clock.now();
    await m.save(approval);
    await this.audit.record(
      {
        action: 'approval.voided',
        actorId: null,
        subjectType: 'user',
        subjectId: approval.userId,
        details: { approvalId: approval.id, kind: approval.kind, note },
      },
      m,
    );
  }
}
