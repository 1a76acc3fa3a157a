import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { requestAdminGrantSchema, type Approval, approvalSchema } from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns } from '../../platform/openapi';
import type { Principal } from '../../platform/principal';
import { AdminGrantsService } from './admin-grants.service';

class RequestGrantDto extends createZodDto(requestAdminGrantSchema) {}

/** Asking to give or withdraw the Registry admin role; a second admin decides in `approvals`. */
@ApiTags('admin-grants')
@Controller('admin-grants')
export class AdminGrantsController {
  constructor(private readonly grants: AdminGrantsService) {}

  @Post()
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(approvalSchema)
  request(@Body() body: RequestGrantDto, @CurrentPrincipal() me: Principal): Promise<Approval> {
    return this.grants.request(body.userId, me.userId);
  }

  @Delete('holders/:userId')
  @HttpCode(202)
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(approvalSchema)
  withdraw(
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<Approval> {
    return this.grants.requestWithdrawal(userId, me.userId);
  }
}
