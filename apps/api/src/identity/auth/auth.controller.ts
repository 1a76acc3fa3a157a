import {
  Body,
  Controller,
  Header,
  Headers,
  HttpCode,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { parse } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import {
  authenticationVerifyRequestSchema,
  registrationOptionsRequestSchema,
  registrationVerifyRequestSchema,
  type InvitationPreview,
  type Me,
  creationOptionsSchema,
  invitationPreviewSchema,
  meSchema,
  requestOptionsSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../../platform/access';
import { Returns, ReturnsProblem } from '../../platform/openapi';
import { browserCookieOf, setBrowserCookie } from '../../notices';
import type { Principal } from '../../platform/principal';
import { AuthRateLimitGuard, CLEAR_SITE_DATA_ON_SIGN_OUT } from '../../platform/security';
import { InvitationsService } from '../invitations/invitations.service';
import type { CreationOptions, RequestOptions } from '../passkeys/webauthn.service';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie';
import { SESSION_COOKIE } from '../sessions/session.strategy';
import { toPrincipal } from '../sessions/sessions.service';
import { MeService } from '../users/me.service';
import { AuthService } from './auth.service';

class TokenDto extends createZodDto(registrationOptionsRequestSchema) {}
class RegisterDto extends createZodDto(registrationVerifyRequestSchema) {}
class AssertionDto extends createZodDto(authenticationVerifyRequestSchema) {}

const cookieToken = (req: FastifyRequest): string | undefined =>
  parse(req.headers.cookie ?? '')[SESSION_COOKIE];

/** Passkey ceremonies. The public ones share one rate limit per client address. */
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
  @UseGuards(AuthRateLimitGuard)
  @Returns(invitationPreviewSchema)
  @ReturnsProblem(410)
  preview(@Body() body: TokenDto): Promise<InvitationPreview> {
    return this.invitations.preview(body.token);
  }

  @Post('registration/options')
  @HttpCode(200)
  @Access.public()
  @UseGuards(AuthRateLimitGuard)
  @Returns(creationOptionsSchema)
  @ReturnsProblem(410)
  registrationOptions(@Body() body: TokenDto): Promise<CreationOptions> {
    return this.auth.registrationOptions(body.token);
  }

  @Post('registration/verify')
  @HttpCode(200)
  @Access.public()
  @UseGuards(AuthRateLimitGuard)
  @Returns(meSchema)
  @ReturnsProblem(410)
  async register(
    @Body() body: RegisterDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<Me> {
    const signedIn = await this.auth.register(
      body.token,
      body.passkeyName,
      body.response,
      userAgent,
      cookieToken(req),
      browserCookieOf(req),
    );
    setSessionCookie(res, signedIn.token, signedIn.session.expiresAt);
    setBrowserCookie(res, signedIn.browserToken);
    return this.me.describe(toPrincipal(signedIn.user, signedIn.session));
  }

  @Post('sign-in/options')
  @HttpCode(200)
  @Access.public()
  @UseGuards(AuthRateLimitGuard)
  @Returns(requestOptionsSchema)
  signInOptions(): Promise<RequestOptions> {
    return this.auth.signInOptions();
  }

  @Post('sign-in/verify')
  @HttpCode(200)
  @Access.public()
  @UseGuards(AuthRateLimitGuard)
  @Returns(meSchema)
  async signIn(
    @Body() body: AssertionDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<Me> {
    const signedIn = await this.auth.signIn(
      body.response,
      userAgent,
      cookieToken(req),
      browserCookieOf(req),
    );
    setSessionCookie(res, signedIn.token, signedIn.session.expiresAt);
    setBrowserCookie(res, signedIn.browserToken);
    return this.me.describe(toPrincipal(signedIn.user, signedIn.session));
  }

  @Post('step-up/options')
  @HttpCode(200)
  @Access.signedIn()
  @Returns(requestOptionsSchema)
  stepUpOptions(@CurrentPrincipal() principal: Principal): Promise<RequestOptions> {
    return this.auth.stepUpOptions(principal);
  }

  @Post('step-up/verify')
  @HttpCode(204)
  @Access.signedIn()
  async stepUp(
    @Body() body: AssertionDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    setSessionCookie(res, await this.auth.stepUp(principal, body.response), principal.expiresAt);
  }

  @Post('sign-out')
  @HttpCode(204)
  @Header('Clear-Site-Data', CLEAR_SITE_DATA_ON_SIGN_OUT)
  @Access.signedIn()
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    await this.auth.signOut(principal);
    clearSessionCookie(res);
  }
}
