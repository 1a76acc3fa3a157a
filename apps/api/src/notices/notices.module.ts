import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KnownBrowserEntity } from './known-browser.entity';
import { NoticeEntity } from './notice.entity';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { SignInEntity } from './sign-in.entity';

@Module({
  imports: [TypeOrmModule.forFeature([NoticeEntity, KnownBrowserEntity, SignInEntity])],
  controllers: [NoticesController],
  providers: [NoticesService],
  exports: [NoticesService],
})
export class NoticesModule {}
