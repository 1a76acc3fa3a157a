import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  createInvitationSchema,
  invitationStatusSchema,
  type Invitation,
  type IssuedInvitation,
  invitationSchema,
  issuedInvitationSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns } from '../../platform/openapi';
import type { Principal } from '../../platform/principal';
import { InvitationsService } from './invitations.service';

class CreateInvitationDto extends createZodDto(createInvitationSchema) {}
class InvitationFilterDto extends createZodDto(
  z.strictObject({ status: invitationStatusSchema.optional() }),
) {}

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Access.roles(['registry_admin'])
  @Returns([invitationSchema])
  list(@Query() filter: InvitationFilterDto): Promise<Invitation[]> {
    return this.invitations.list(filter.status);
  }

  /** The link in the answer is the only copy of the token: show it once. It grants roles. */
  @Post()
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(issuedInvitationSchema)
  create(
    @Body() body: CreateInvitationDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<IssuedInvitation> {
    return this.invitations.invite(body, me.userId);
  }

  @Delete(':id')
  @Access.roles(['registry_admin'])
  @Returns(invitationSchema)
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<Invitation> {
    return this.invitations.revoke(id, me.userId);
  }
}
