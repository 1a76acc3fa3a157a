import { Module, type OnModuleInit } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditModule } from '../audit';
import { NoticesModule } from '../notices';
import { AccessPolicy, PRINCIPAL_SOURCE } from '../platform/access';
import { Clock } from '../platform/clock';
import { APP_CONFIG, type AppConfig } from '../platform/config';
import { PostgresThrottlerStorage } from '../platform/security';
import { StatesModule } from '../states';
import { AdminGrantsController } from './admin-grants/admin-grants.controller';
import { AdminGrantsService } from './admin-grants/admin-grants.service';
import { approvalsAccess } from './approvals/approvals.access';
import { ApprovalEntity } from './approvals/approval.entity';
import { ApprovalRequestsService } from './approvals/approval-requests.service';
import { ApprovalsController } from './approvals/approvals.controller';
import { ApprovalsService } from './approvals/approvals.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { InvitationEntity } from './invitations/invitation.entity';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { PasskeyEntity } from './passkeys/passkey.entity';
import { passkeysAccess } from './passkeys/passkeys.access';
import { PasskeysService } from './passkeys/passkeys.service';
import { WebauthnChallengeEntity } from './passkeys/webauthn-challenge.entity';
import { WebauthnService } from './passkeys/webauthn.service';
import { SessionEntity } from './sessions/session.entity';
import { SessionPrincipalSource, SessionStrategy } from './sessions/session.strategy';
import { sessionsAccess } from './sessions/sessions.access';
import { SessionsService } from './sessions/sessions.service';
import { MeController } from './users/me.controller';
import { MeService } from './users/me.service';
import { UserEntity } from './users/user.entity';
import { StateMembersController, UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    // One allowance per client address for all the public ceremonies together (sign-in,
    // registration, invitation links), counted in the database shared by every instance.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, getDataSourceToken(), Clock],
      useFactory: (config: AppConfig, dataSource: DataSource, clock: Clock) => ({
        throttlers: [{ name: 'auth', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
        storage: new PostgresThrottlerStorage(dataSource, clock),
      }),
    }),
    AuditModule,
    NoticesModule,
    StatesModule,
    TypeOrmModule.forFeature([
      UserEntity,
      InvitationEntity,
      PasskeyEntity,
      WebauthnChallengeEntity,
      SessionEntity,
      ApprovalEntity,
    ]),
  ],
  controllers: [
    AuthController,
    MeController,
    UsersController,
    StateMembersController,
    InvitationsController,
    AdminGrantsController,
    ApprovalsController,
  ],
  providers: [
    AuthService,
    WebauthnService,
    PasskeysService,
    SessionsService,
    SessionStrategy,
    { provide: PRINCIPAL_SOURCE, useClass: SessionPrincipalSource },
    UsersService,
    MeService,
    InvitationsService,
    AdminGrantsService,
    ApprovalRequestsService,
    ApprovalsService,
  ],
  exports: [SessionsService, PRINCIPAL_SOURCE, UsersService, InvitationsService, PasskeysService],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly access: AccessPolicy) {}

  onModuleInit(): void {
    this.access.register({ ...sessionsAccess, ...passkeysAccess, ...approvalsAccess });
  }
}
