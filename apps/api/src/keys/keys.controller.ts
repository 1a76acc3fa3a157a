import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import {
  attestationSchema,
  enrolKeysSchema,
  putWrapSchema,
  recordVerificationSchema,
  type UserKeys,
  type Verification,
  type WrapKind,
  type WrapRecord,
  rootKeySchema,
  userKeysSchema,
  verificationSchema,
  wrapKindSchema,
  wrapRecordSchema,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns } from '../platform/openapi';
import type { Principal } from '../platform/principal';
import { KeysService } from './keys.service';

class EnrolKeysDto extends createZodDto(enrolKeysSchema) {}
class PutWrapDto extends createZodDto(putWrapSchema) {}
class AttestationDto extends createZodDto(attestationSchema) {}
class RecordVerificationDto extends createZodDto(recordVerificationSchema) {}

@ApiTags('keys')
@Controller('keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Get('me')
  @Access.signedIn()
  @Returns(userKeysSchema)
  mine(@CurrentPrincipal() { userId }: Principal): Promise<UserKeys> {
    return this.keys.userKeys(userId);
  }

  /** Publishes new keys (first enrolment or a key change) with their wrapped private bundle. */
  @Put('me')
  @Access.signedIn({ stepUp: true })
  @Returns(userKeysSchema)
  enrol(@Body() body: EnrolKeysDto, @CurrentPrincipal() principal: Principal): Promise<UserKeys> {
    return this.keys.enrol(principal, body);
  }

  /** The PRF wrap of the passkey this session was opened with, and nothing else. */
  @Get('me/wraps')
  @Access.signedIn()
  @Returns([wrapRecordSchema])
  sessionWraps(@CurrentPrincipal() { userId, passkeyId }: Principal): Promise<WrapRecord[]> {
    return this.keys.sessionWraps(userId, passkeyId);
  }

  /** Every wrap, recovery and passphrase ones included: material for offline guessing. */
  @Get('me/wraps/all')
  @Access.signedIn({ stepUp: true })
  @Returns([wrapRecordSchema])
  wraps(@CurrentPrincipal() { userId }: Principal): Promise<WrapRecord[]> {
    return this.keys.wraps(userId);
  }

  @Get('me/wraps/kinds')
  @Access.signedIn()
  @Returns([wrapKindSchema])
  wrapKinds(@CurrentPrincipal() { userId }: Principal): Promise<WrapKind[]> {
    return this.keys.wrapKinds(userId);
  }

  @Put('me/wraps')
  @HttpCode(204)
  @Access.signedIn()
  putWrap(@Body() body: PutWrapDto, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.keys.putWrap(principal, body.wrap);
  }

  /** `null` until the first Registry admin enrols keys: sent as JSON, where Nest sends nothing. */
  @Get('root')
  @Access.signedIn()
  @Returns({ 'application/json': rootKeySchema })
  async root(@Res() res: FastifyReply): Promise<void> {
    const root = await this.keys.root();
    void res.type('application/json; charset=utf-8').send(JSON.stringify(root));
  }

  @Get('verifications')
  @Access.signedIn()
  @Returns([verificationSchema])
  verifications(@CurrentPrincipal() { userId }: Principal): Promise<Verification[]> {
    return this.keys.verifications(userId);
  }

  @Post('verifications')
  @HttpCode(200)
  @Access.signedIn()
  @Returns(verificationSchema)
  verify(
    @Body() body: RecordVerificationDto,
    @CurrentPrincipal() { userId }: Principal,
  ): Promise<Verification> {
    return this.keys.recordVerification(userId, body.subjectUserId, body.fingerprint);
  }

  @Get('users/:userId')
  @Access.signedIn()
  @Returns(userKeysSchema)
  userKeys(@Param('userId', ParseUUIDPipe) userId: string): Promise<UserKeys> {
    return this.keys.directoryEntry(userId);
  }

  @Post('users/:userId/attestations')
  @Access.roles(['registry_admin'], { stepUp: true })
  @Returns(userKeysSchema)
  attest(
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: AttestationDto,
    @CurrentPrincipal() me: Principal,
  ): Promise<UserKeys> {
    return this.keys.attest(me.userId, userId, body);
  }
}
