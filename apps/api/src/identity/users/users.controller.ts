import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  changeStatusSchema,
  recoveryInvitationSchema,
  roleSchema,
  stateCodeSchema,
  updateUserSchema,
  USER_STATUSES,
  type Approval,
  type IssuedInvitation,
  type Passkey,
  type Session,
  type User,
  approvalSchema,
  issuedInvitationSchema,
  passkeySchema,
  sessionSchema,
  userSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns } from '../../platform/openapi';
import type { Outcome } from '../approvals/approval-requests.service';
import { StateCodePipe } from '../../states';
import { InvitationsService } from '../invitations/invitations.service';
import { PasskeysService } from '../passkeys/passkeys.service';
import type { Principal } from '../../platform/principal';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from './users.service';

class UpdateUserDto extends createZodDto(updateUserSchema) {}
class ChangeStatusDto extends createZodDto(changeStatusSchema) {}
class RecoveryDto extends createZodDto(recoveryInvitationSchema) {}
/** Done at once (200/201), or waiting for a second Registry admin: 202 with the request. */
function answer<T>(res: FastifyReply, outcome: Outcome<T>): T | Approval {
  if ('pending' in outcome) {
    void res.status(202);
    return outcome.pending;
  }
  return outcome.done;
}

class UserFilterDto extends createZodDto(
  z.strictObject({
    status: z.enum(USER_STATUSES).optional(),
    role: roleSchema.optional(),
    stateCode: stateCodeSchema.optional(),
  }),
) {}

/** The Registry admins' view of every account. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly passkeys: PasskeysService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @Access.roles(['registry_admin'])
  @Returns([userSchema])
  list(@Query() filter: UserFilterDto): Promise<User[]> {
    return this.users.list(filter);
  }

  @Get(':id')
  @Access.roles(['registry_admin'])
  @Returns(userSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(userSchema, { 202: approvalSchema })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() me: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<User | Approval> {
    return answer(res, await this.users.update(id, body, me.userId));
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(userSchema, { 202: approvalSchema })
  async changeStatus(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeStatusDto,
    @CurrentPrincipal() me: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<User | Approval> {
    return answer(res, await this.users.changeStatus(id, body, me.userId));
  }

  @Post(':id/recovery-invitation')
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(issuedInvitationSchema, { 202: approvalSchema })
  async recover(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecoveryDto,
    @CurrentPrincipal() me: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<IssuedInvitation | Approval> {
    return answer(res, await this.invitations.inviteToRecover(id, body.expiresInHours, me.userId));
  }

  @Get(':id/passkeys')
  @Access.roles(['registry_admin'])
  @Returns([passkeySchema])
  listPasskeys(@Param('id', ParseUUIDPipe) id: string): Promise<Passkey[]> {
    return this.passkeys.list(id);
  }

  @Delete(':id/passkeys/:passkeyId')
  @HttpCode(204)
  @Access.roles(['registry_admin'], { stepUp: true })
  revokePasskey(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('passkeyId', ParseUUIDPipe) passkeyId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<void> {
    return this.passkeys.revokeOf(id, passkeyId, me.userId);
  }

  @Get(':id/sessions')
  @Access.roles(['registry_admin'])
  @Returns([sessionSchema])
  listSessions(@Param('id', ParseUUIDPipe) id: string): Promise<Session[]> {
    return this.sessions.listActive(id);
  }

  @Delete(':id/sessions/:sessionId')
  @HttpCode(204)
  @Access.roles(['registry_admin'], { stepUp: true })
  revokeSession(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() me: Principal,
  ): Promise<void> {
    return this.sessions.revokeOf(id, sessionId, me.userId, 'revoked by a Registry admin');
  }
}

/** Who speaks for a State: its focal points see their own team; facilitators and admins see all. */
@ApiTags('states')
@Controller('states/:code/members')
export class StateMembersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access.roles(['focal_point', 'registry_admin', 'facilitator'])
  @Returns([userSchema])
  list(
    @Param('code', StateCodePipe) code: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<User[]> {
    return this.users.membersOf(principal, code);
  }
}
