import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@coop/config';
import { AuditModule, AuditService } from '../audit';
import { IdentityModule, InvitationsService } from '../identity';
import { AccessModule } from '../platform/access';
import { ClockModule } from '../platform/clock';
import { ConfigModule } from '../platform/config';
import { DatabaseModule } from '../platform/database';

@Module({})
class OperatorModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: OperatorModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule.forRoot(config, databaseUrl),
        AuditModule,
        IdentityModule,
        // Identity's services ask the access policy, as they do behind HTTP.
        AccessModule.forRoot(IdentityModule),
      ],
    };
  }
}

/** The API's own services, without HTTP, for the `coop` operator commands. */
export interface OperatorContext {
  invitations: InvitationsService;
  audit: AuditService;
  close(): Promise<void>;
}

export async function createOperatorContext(
  config: AppConfig,
  databaseUrl: string,
): Promise<OperatorContext> {
  const app = await NestFactory.createApplicationContext(
    OperatorModule.forRoot(config, databaseUrl),
    {
      logger: ['error'],
      abortOnError: false,
    },
  );
  return {
    invitations: app.get(InvitationsService),
    audit: app.get(AuditService),
    close: () => app.close(),
  };
}
