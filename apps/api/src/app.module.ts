import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { AuditModule } from './audit';
import { CaseLawModule } from './caselaw';
import { IdentityModule } from './identity';
import { KeysModule } from './keys';
import { AccessModule } from './platform/access';
import { ClockModule } from './platform/clock';
import { StatesModule } from './states';
import { ConfigModule, type AppConfig } from './platform/config';
import { DatabaseModule } from './platform/database';
import { ProblemFilter } from './platform/errors';
import { HealthModule } from './platform/health';
import { loggingModule } from './platform/logging';
import { MetricsModule } from './platform/metrics';

type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    extra: ModuleImport[] = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        loggingModule(config),
        DatabaseModule.forRoot(config, databaseUrl),
        ClockModule,
        AccessModule.forRoot(IdentityModule),
        MetricsModule,
        HealthModule,
        AuditModule,
        StatesModule,
        IdentityModule,
        KeysModule,
        CaseLawModule,
        ...extra,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
      ],
    };
  }
}
