import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { KeyAttestationEntity } from './key-attestation.entity';
import { KeyRecordEntity } from './key-record.entity';
import { KeyVerificationEntity } from './key-verification.entity';
import { KeyWrapEntity } from './key-wrap.entity';
import { KeysController } from './keys.controller';
import { KeysService } from './keys.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      KeyRecordEntity,
      KeyWrapEntity,
      KeyAttestationEntity,
      KeyVerificationEntity,
    ]),
    AuditModule,
    IdentityModule,
  ],
  controllers: [KeysController],
  providers: [KeysService],
  exports: [KeysService],
})
export class KeysModule {}
