import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApprovalDecision, IssuedInvitation } from '@coop/contracts';
import { AuditService } from '../../audit';
import { AccessPolicy } from '../../platform/access';
import { Clock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { AdminGrantsService } from '../admin-grants/admin-grants.service';
import { alreadyDecided, approvalNotFound, approvalVoid } from '../identity.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { UsersService, type ApprovedBy } from '../users/users.service';
import { ApprovalRequestsService, toApproval } from './approval-requests.service';
import { ApprovalEntity } from './approval.entity';

/** A second Registry admin approves or rejects what a first one asked for, and it is carried out. */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: ApprovalRequestsService,
    private readonly grants: AdminGrantsService,
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async decide(
    principal: Principal,
    id: string,
    decision: 'approve' | 'reject',
  ): Promise<ApprovalDecision> {
    const actorId = principal.userId;
    const outcome = await this.dataSource.transaction(async (m) => {
      const approval = await m.findOne(ApprovalEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!approval) throw approvalNotFound();
      if (approval.status !== 'pending') throw alreadyDecided(approval.status);
      await this.access.require(principal, 'approval.decide', [id], m);
      // An approver or subject the requester recovered since asking may be the requester in disguise.
      if (
        decision === 'approve' &&
        (await this.invitations.recoveredBy(
          [approval.userId, actorId],
          approval.requestedBy,
          approval.requestedAt,
          m,
        ))
      ) {
        await this.requests.void(
          approval,
          'the approver or the person concerned was recovered through a link the requester asked for',
          m,
        );
        return { voided: toApproval(approval) };
      }
      approval.status = decision === 'approve' ? 'approved' : 'rejected';
      approval.decidedBy = actorId;
      approval.decidedAt = this.clock.now();
      await m.save(approval);
      const by: ApprovedBy = {
        actorId,
        approval: { id: approval.id, requestedBy: approval.requestedBy },
      };
      let issued: IssuedInvitation | null = null;
      if (decision === 'approve') {
        switch (approval.kind) {
          case 'admin.grant':
            await this.grants.executeGrant(approval.userId, by, m);
            break;
          case 'admin.withdraw':
            await this.grants.executeWithdrawal(approval.userId, by, m);
            break;
          case 'user.update':
            await this.users.executeUpdate(approval.userId, approval.change, by, m);
            break;
          case 'user.status':
            await this.users.executeStatus(approval.userId, approval.change, by, m);
            break;
          case 'user.recovery':
            issued = await this.invitations.executeRecovery(
              approval.userId,
              approval.change,
              by,
              m,
            );
            break;
        }
      }
      await this.audit.record(
        {
          action: decision === 'approve' ? 'approval.approved' : 'approval.rejected',
          actorId,
          subjectType: 'user',
          subjectId: approval.userId,
          details: { approvalId: id, kind: approval.kind, requestedBy: approval.requestedBy },
        },
        m,
      );
      return { decided: { approval: toApproval(approval), issued } };
    });
    // The void is kept (its transaction committed); the approver is told why nothing happened.
    if ('voided' in outcome) {
      throw approvalVoid();
    }
    return outcome.decided;
  }
}
