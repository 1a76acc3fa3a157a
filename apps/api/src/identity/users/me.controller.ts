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
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  addPasskeyRequestSchema,
  renamePasskeySchema,
  type Me,
  type Passkey,
  type Session,
  creationOptionsSchema,
  meSchema,
  passkeySchema,
  sessionSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns } from '../../platform/openapi';
import { AuthService } from '../auth/auth.service';
import type { CreationOptions } from '../passkeys/webauthn.service';
import { PasskeysService } from '../passkeys/passkeys.service';
import type { Principal } from '../../platform/principal';
import { SessionsService } from '../sessions/sessions.service';
import { MeService } from './me.service';

class RenamePasskeyDto extends createZodDto(renamePasskeySchema) {}
class AddPasskeyDto extends createZodDto(addPasskeyRequestSchema) {}

/** The signed-in user's own account: profile, passkeys, sessions. */
@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly me: MeService,
    private readonly auth: AuthService,
    private readonly passkeys: PasskeysService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  @Access.signedIn()
  @Returns(meSchema)
  get(@CurrentPrincipal() principal: Principal): Me {
    return this.me.describe(principal);
  }

  @Get('passkeys')
  @Access.signedIn()
  @Returns([passkeySchema])
  listPasskeys(@CurrentPrincipal() { userId }: Principal): Promise<Passkey[]> {
    return this.passkeys.list(userId);
  }

  @Post('passkeys/options')
  @HttpCode(200)
  @Access.signedIn({ stepUp: true })
  @Returns(creationOptionsSchema)
  addPasskeyOptions(@CurrentPrincipal() principal: Principal): Promise<CreationOptions> {
    return this.auth.addPasskeyOptions(principal);
  }

  @Post('passkeys')
  @Access.signedIn({ stepUp: true })
  @Returns(passkeySchema)
  addPasskey(@Body() body: AddPasskeyDto, @CurrentPrincipal() principal: Principal) {
    return this.auth.addPasskey(principal, body.passkeyName, body.response);
  }

  @Patch('passkeys/:id')
  @Access.signedIn()
  @Returns(passkeySchema)
  renamePasskey(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenamePasskeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Passkey> {
    return this.passkeys.rename(principal, id, body.name);
  }

  @Delete('passkeys/:id')
  @HttpCode(204)
  @Access.signedIn({ stepUp: true })
  revokePasskey(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.passkeys.revoke(principal, id);
  }

  @Get('sessions')
  @Access.signedIn()
  @Returns([sessionSchema])
  listSessions(@CurrentPrincipal() { userId, sessionId }: Principal): Promise<Session[]> {
    return this.sessions.listActive(userId, sessionId);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Access.signedIn()
  revokeSession(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.sessions.revoke(principal, id);
  }
}
