import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  APPROVAL_STATUSES,
  decideApprovalSchema,
  type Approval,
  type ApprovalDecision,
  approvalDecisionSchema,
  approvalSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns } from '../../platform/openapi';
import type { Principal } from '../../platform/principal';
import { ApprovalRequestsService } from './approval-requests.service';
import { ApprovalsService } from './approvals.service';

class DecideDto extends createZodDto(decideApprovalSchema) {}
class ApprovalFilterDto extends createZodDto(
  z.strictObject({ status: z.enum(APPROVAL_STATUSES).optional() }),
) {}

/** What Registry admins asked of each other: the second pair of eyes on access changes. */
@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly requests: ApprovalRequestsService,
    private readonly approvals: ApprovalsService,
  ) {}

  @Get()
  @Access.roles(['registry_admin'])
  @Returns([approvalSchema])
  list(@Query() filter: ApprovalFilterDto): Promise<Approval[]> {
    return this.requests.list(filter.status);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(approvalDecisionSchema)
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<ApprovalDecision> {
    return this.approvals.decide(me, id, body.decision);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Access.roles(['registry_admin'])
  @Returns(approvalSchema)
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<Approval> {
    return this.requests.cancel(me, id);
  }
}
