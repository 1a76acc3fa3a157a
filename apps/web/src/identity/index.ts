export { InvitePage } from './auth/InvitePage';
export { SignInPage } from './auth/SignInPage';
export { InvitationsPage } from './invitations/InvitationsPage';
export { AccountPage } from './me/AccountPage';
export { UserPage } from './users/UserPage';
export { UsersPage } from './users/UsersPage';
export { useUserNames, useUsers } from './users/queries';
export { ApprovalsPage } from './approvals/ApprovalsPage';
export { useRoleSummary } from './labels';
