import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Approval } from '@coop/contracts';
import { AuditService } from '../../audit';
import { ApprovalRequestsService } from '../approvals/approval-requests.service';
import {
  alreadyAdmin,
  grantNeedsActiveUser,
  lastAdminKeepsRole,
  noRoleLeft,
  notAnAdmin,
  userNotFound,
} from '../identity.errors';
import { UserEntity } from '../users/user.entity';
import { UsersService, type ApprovedBy } from '../users/users.service';

/**
 * The Registry admin role: one admin asks to give or withdraw it, a different one approves
 * (`admin.grant`, `admin.withdraw`); the approval carries it out here.
 */
@Injectable()
export class AdminGrantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly requests: ApprovalRequestsService,
    private readonly audit: AuditService,
  ) {}

  async request(userId: string, actorId: string): Promise<Approval> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.users.find(userId, m);
      this.assertGrantable(user);
      return this.requests.file('admin.grant', user, {}, actorId, m);
    });
  }

  async requestWithdrawal(userId: string, actorId: string): Promise<Approval> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.lockedAdmin(userId, m);
      await this.assertWithdrawable(user, m);
      return this.requests.file('admin.withdraw', user, {}, actorId, m);
    });
  }

  async executeGrant(userId: string, by: ApprovedBy, m: EntityManager): Promise<void> {
    const user = await m.findOne(UserEntity, {
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw userNotFound();
    this.assertGrantable(user);
    user.roles = ['registry_admin', ...user.roles];
    await m.save(user);
    await this.audit.record(
      {
        action: 'admin_grant.approved',
        actorId: by.actorId,
        subjectType: 'user',
        subjectId: userId,
        details: { approvalId: by.approval?.id, requestedBy: by.approval?.requestedBy },
      },
      m,
    );
  }

  /** Withdraws the Registry admin role; the last active admin keeps it. */
  async executeWithdrawal(userId: string, by: ApprovedBy, m: EntityManager): Promise<void> {
    const user = await this.lockedAdmin(userId, m);
    await this.assertWithdrawable(user, m);
    user.roles = user.roles.filter((r) => r !== 'registry_admin');
    await m.save(user);
    await this.audit.record(
      {
        action: 'admin_grant.withdrawn',
        actorId: by.actorId,
        subjectType: 'user',
        subjectId: userId,
        details: { approvalId: by.approval?.id, requestedBy: by.approval?.requestedBy },
      },
      m,
    );
  }

  private assertGrantable(user: UserEntity): void {
    if (user.status !== 'active') throw grantNeedsActiveUser();
    if (user.roles.includes('registry_admin')) throw alreadyAdmin();
  }

  private async lockedAdmin(userId: string, m: EntityManager): Promise<UserEntity> {
    const user = await m.findOne(UserEntity, {
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user?.roles.includes('registry_admin')) throw notAnAdmin();
    return user;
  }

  private async assertWithdrawable(user: UserEntity, m: EntityManager): Promise<void> {
    if (user.status === 'active' && (await this.users.countActiveAdmins(m)) <= 1) {
      throw lastAdminKeepsRole();
    }
    if (user.roles.length === 1) {
      throw noRoleLeft();
    }
  }
}
