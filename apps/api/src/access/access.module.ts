import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { IdentityModule } from '../identity';
import { AccessGuard } from './access.guard';

@Module({ imports: [IdentityModule], providers: [{ provide: APP_GUARD, useClass: AccessGuard }] })
export class AccessModule {}
