import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessPolicy } from '../platform/access';
import { KnownBrowserEntity } from './known-browser.entity';
import { NoticeEntity } from './notice.entity';
import { noticesAccess } from './notices.access';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { SignInEntity } from './sign-in.entity';

@Module({
  imports: [TypeOrmModule.forFeature([NoticeEntity, KnownBrowserEntity, SignInEntity])],
  controllers: [NoticesController],
  providers: [NoticesService],
  exports: [NoticesService],
})
export class NoticesModule implements OnModuleInit {
  constructor(private readonly access: AccessPolicy) {}

  onModuleInit(): void {
    this.access.register(noticesAccess);
  }
}
