import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  lastSignInSchema,
  noticeListSchema,
  type LastSignIn,
  type NoticeList,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../platform/access';
import { Returns } from '../platform/openapi';
import type { Principal } from '../platform/principal';
import { NoticesService } from './notices.service';

/** The signed-in user's own notices; nobody else's are reachable here. */
@ApiTags('notices')
@Controller('me')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('notices')
  @Access.signedIn()
  @Returns(noticeListSchema)
  list(@CurrentPrincipal() { userId }: Principal): Promise<NoticeList> {
    return this.notices.list(userId);
  }

  @Post('notices/read')
  @HttpCode(204)
  @Access.signedIn()
  markAllRead(@CurrentPrincipal() { userId }: Principal): Promise<void> {
    return this.notices.markAllRead(userId);
  }

  @Post('notices/:id/read')
  @HttpCode(204)
  @Access.signedIn()
  markRead(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.notices.markRead(principal, id);
  }

  @Get('last-sign-in')
  @Access.signedIn()
  @Returns(lastSignInSchema)
  lastSignIn(@CurrentPrincipal() { userId, sessionId }: Principal): Promise<LastSignIn> {
    return this.notices.lastSignIn(userId, sessionId);
  }
}
