import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { decideAdminGrantSchema, requestAdminGrantSchema, type AdminGrant } from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../access';
import type { Principal } from '../sessions/sessions.service';
import { AdminGrantsService } from './admin-grants.service';

class RequestGrantDto extends createZodDto(requestAdminGrantSchema) {}
class DecideGrantDto extends createZodDto(decideAdminGrantSchema) {}
class GrantFilterDto extends createZodDto(
  z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'cancelled']).optional() }),
) {}

@ApiTags('admin-grants')
@Controller('admin-grants')
export class AdminGrantsController {
  constructor(private readonly grants: AdminGrantsService) {}

  @Get()
  @Access.roles(['registry_admin'])
  list(@Query() filter: GrantFilterDto): Promise<AdminGrant[]> {
    return this.grants.list(filter.status);
  }

  @Post()
  @Access.roles(['registry_admin'], { stepUp: true })
  request(@Body() body: RequestGrantDto, @CurrentPrincipal() me: Principal): Promise<AdminGrant> {
    return this.grants.request(body.userId, me.user.id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Access.roles(['registry_admin'], { stepUp: true })
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideGrantDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<AdminGrant> {
    return this.grants.decide(id, body.decision, me.user.id);
  }

  @Delete('holders/:userId')
  @HttpCode(204)
  @Access.roles(['registry_admin'], { stepUp: true })
  withdraw(
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<void> {
    return this.grants.withdraw(userId, me.user.id);
  }
}
