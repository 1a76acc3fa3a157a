export { IdentityModule } from './identity.module';
export { SessionsService } from './sessions/sessions.service';
export { SessionAuthGuard, SESSION_COOKIE } from './sessions/session.strategy';
export { InvitationsService } from './invitations/invitations.service';
export { UsersService } from './users/users.service';
