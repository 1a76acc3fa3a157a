import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AccessPolicy } from '../platform/access';
import { StateRevisionEntity } from './state-revision.entity';
import { StateEntity } from './state.entity';
import { statesAccess } from './states.access';
import { StatesController } from './states.controller';
import { StatesService } from './states.service';

@Module({
  imports: [TypeOrmModule.forFeature([StateEntity, StateRevisionEntity]), AuditModule],
  controllers: [StatesController],
  providers: [StatesService],
  exports: [StatesService],
})
export class StatesModule implements OnModuleInit {
  constructor(private readonly access: AccessPolicy) {}

  onModuleInit(): void {
    this.access.register(statesAccess);
  }
}
