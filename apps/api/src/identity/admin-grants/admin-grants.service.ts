import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import type { AdminGrant } from '@coop/contracts';
import { AuditService } from '../../audit';
import { Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AdminGrantEntity } from './admin-grant.entity';

const view = (g: AdminGrantEntity): AdminGrant => ({
  id: g.id,
  userId: g.userId,
  requestedBy: g.requestedBy,
  requestedAt: g.requestedAt.toISOString(),
  status: g.status,
  decidedBy: g.decidedBy,
  decidedAt: g.decidedAt?.toISOString() ?? null,
});

/** Two-person rule: one Registry admin proposes, a different one approves. */
@Injectable()
export class AdminGrantsService {
  constructor(
    @InjectRepository(AdminGrantEntity) private readonly grants: Repository<AdminGrantEntity>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(status?: AdminGrant['status']): Promise<AdminGrant[]> {
    return (
      await this.grants.find({
        where: status ? { status } : {},
        order: { requestedAt: 'DESC' },
        take: 500,
      })
    ).map(view);
  }

  async request(userId: string, actorId: string): Promise<AdminGrant> {
    return this.grants.manager.transaction(async (m) => {
      const user = await this.users.find(userId, m);
      if (user.status !== 'active')
        throw new AppError(
          409,
          'conflict',
          'Not active',
          'Only active users can become Registry admins.',
        );
      if (user.roles.includes('registry_admin'))
        throw new AppError(
          409,
          'conflict',
          'Already an admin',
          'This user is already a Registry admin.',
        );
      if (await m.exists(AdminGrantEntity, { where: { userId, status: 'pending' } })) {
        throw new AppError(
          409,
          'conflict',
          'Already requested',
          'A request for this user is already waiting for approval.',
        );
      }
      const grant = await m.save(
        m.create(AdminGrantEntity, {
          id: randomUUID(),
          userId,
          requestedBy: actorId,
          status: 'pending',
          decidedBy: null,
          decidedAt: null,
        }),
      );
      await this.audit.record(
        {
          action: 'admin_grant.requested',
          actorId,
          subjectType: 'user',
          subjectId: userId,
          details: { grantId: grant.id },
        },
        m,
      );
      return view(grant);
    });
  }

  async decide(id: string, decision: 'approve' | 'reject', actorId: string): Promise<AdminGrant> {
    return this.grants.manager.transaction(async (m) => {
      const grant = await m.findOne(AdminGrantEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!grant)
        throw new AppError(404, 'not-found', 'Unknown request', 'No such admin grant request.');
      if (grant.status !== 'pending')
        throw new AppError(
          409,
          'conflict',
          'Already decided',
          `This request is already ${grant.status}.`,
        );
      if (grant.requestedBy === actorId) {
        throw new AppError(
          403,
          'two-person-rule',
          'Second admin needed',
          'A different Registry admin must decide on a request you made.',
        );
      }
      grant.status = decision === 'approve' ? 'approved' : 'rejected';
      grant.decidedBy = actorId;
      grant.decidedAt = this.clock.now();
      await m.save(grant);
      if (decision === 'approve') {
        const user = await m.findOne(UserEntity, {
          where: { id: grant.userId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!user || user.status !== 'active')
          throw new AppError(409, 'conflict', 'Not active', 'The user is no longer active.');
        if (!user.roles.includes('registry_admin')) user.roles = ['registry_admin', ...user.roles];
        await m.save(user);
      }
      await this.audit.record(
        {
          action: `admin_grant.${grant.status}`,
          actorId,
          subjectType: 'user',
          subjectId: grant.userId,
          details: { grantId: id, requestedBy: grant.requestedBy },
        },
        m,
      );
      return view(grant);
    });
  }

  /** Withdraws the Registry admin role; the last active admin keeps it. */
  async withdraw(userId: string, actorId: string): Promise<void> {
    await this.grants.manager.transaction(async (m) => {
      const user = await m.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user?.roles.includes('registry_admin'))
        throw new AppError(404, 'not-found', 'Not an admin', 'This user is not a Registry admin.');
      if (user.status === 'active' && (await this.users.countActiveAdmins(m)) <= 1) {
        throw new AppError(
          409,
          'last-admin',
          'Last Registry admin',
          'The last active Registry admin keeps the role.',
        );
      }
      const remaining = user.roles.filter((r) => r !== 'registry_admin');
      if (remaining.length === 0) {
        throw new AppError(
          409,
          'conflict',
          'No role left',
          'Give the user another role first, or deactivate the account.',
        );
      }
      user.roles = remaining;
      await m.save(user);
      await this.audit.record(
        { action: 'admin_grant.withdrawn', actorId, subjectType: 'user', subjectId: userId },
        m,
      );
    });
  }
}
