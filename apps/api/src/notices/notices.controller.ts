import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  lastSignInSchema,
  noticeListSchema,
  type LastSignIn,
  type NoticeList,
} from '@coop/contracts';
import { Access, CurrentPrincipal } from '../access';
import { Returns } from '../platform/openapi';
import type { Principal } from '../identity';
import { NoticesService } from './notices.service';

/** The signed-in user's own notices; nobody else's are reachable here. */
@ApiTags('notices')
@Controller('me')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get('notices')
  @Access.signedIn()
  @Returns(noticeListSchema)
  list(@CurrentPrincipal() { user }: Principal): Promise<NoticeList> {
    return this.notices.list(user.id);
  }

  @Post('notices/read')
  @HttpCode(204)
  @Access.signedIn()
  markAllRead(@CurrentPrincipal() { user }: Principal): Promise<void> {
    return this.notices.markAllRead(user.id);
  }

  @Post('notices/:id/read')
  @HttpCode(204)
  @Access.signedIn()
  markRead(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() { user }: Principal,
  ): Promise<void> {
    return this.notices.markRead(user.id, id);
  }

  @Get('last-sign-in')
  @Access.signedIn()
  @Returns(lastSignInSchema)
  lastSignIn(@CurrentPrincipal() { user, session }: Principal): Promise<LastSignIn> {
    return this.notices.lastSignIn(user.id, session.id);
  }
}
