import { Body, Controller, Headers, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import {
  authenticationVerifyRequestSchema,
  registrationOptionsRequestSchema,
  registrationVerifyRequestSchema,
  type InvitationPreview,
  type Me,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../access';
import { InvitationsService } from '../invitations/invitations.service';
import type { CreationOptions, RequestOptions } from '../passkeys/webauthn.service';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie';
import type { Principal } from '../sessions/sessions.service';
import { MeService } from '../users/me.service';
import { AuthService } from './auth.service';

class TokenDto extends createZodDto(registrationOptionsRequestSchema) {}
class RegisterDto extends createZodDto(registrationVerifyRequestSchema) {}
class AssertionDto extends createZodDto(authenticationVerifyRequestSchema) {}

/** Passkey ceremonies. The public ones are rate-limited per client address. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly invitations: InvitationsService,
    private readonly me: MeService,
  ) {}

  @Post('invitation')
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  preview(@Body() body: TokenDto): Promise<InvitationPreview> {
    return this.invitations.preview(body.token);
  }

  @Post('registration/options')
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  registrationOptions(@Body() body: TokenDto): Promise<CreationOptions> {
    return this.auth.registrationOptions(body.token);
  }

  @Post('registration/verify')
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  async register(
    @Body() body: RegisterDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Me> {
    const signedIn = await this.auth.register(
      body.token,
      body.passkeyName,
      body.response,
      userAgent,
    );
    setSessionCookie(res, signedIn.token, signedIn.session.expiresAt);
    return this.me.describe(signedIn);
  }

  @Post('sign-in/options')
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  signInOptions(): Promise<RequestOptions> {
    return this.auth.signInOptions();
  }

  @Post('sign-in/verify')
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  async signIn(
    @Body() body: AssertionDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Me> {
    const signedIn = await this.auth.signIn(body.response, userAgent);
    setSessionCookie(res, signedIn.token, signedIn.session.expiresAt);
    return this.me.describe(signedIn);
  }

  @Post('step-up/options')
  @HttpCode(200)
  @Access.signedIn()
  stepUpOptions(@CurrentPrincipal() { user, session }: Principal): Promise<RequestOptions> {
    return this.auth.stepUpOptions(user, session);
  }

  @Post('step-up/verify')
  @HttpCode(204)
  @Access.signedIn()
  async stepUp(
    @Body() body: AssertionDto,
    @CurrentPrincipal() { user, session }: Principal,
  ): Promise<void> {
    await this.auth.stepUp(user, session, body.response);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Access.signedIn()
  async signOut(
    @CurrentPrincipal() { user, session }: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.signOut(user, session);
    clearSessionCookie(res);
  }
}
