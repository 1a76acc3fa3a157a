export { IdentityModule } from './identity.module';
export { SessionsService } from './sessions/sessions.service';
export { SESSION_COOKIE } from './sessions/session.strategy';
export { PasskeysService } from './passkeys/passkeys.service';
export { InvitationsService } from './invitations/invitations.service';
export { UsersService } from './users/users.service';
export { userNotFound } from './identity.errors';
