import type { RouteObject } from 'react-router';
import { ApprovalsPage } from './approvals/ApprovalsPage';
import { InvitePage } from './auth/InvitePage';
import { SignInPage } from './auth/SignInPage';
import { InvitationsPage } from './invitations/InvitationsPage';
import { AccountPage } from './me/AccountPage';
import { UserPage } from './users/UserPage';
import { UsersPage } from './users/UsersPage';

/** Open to anyone: signing in, and redeeming an invitation link. */
export const identityPublicRoutes: RouteObject[] = [
  { path: 'sign-in', element: <SignInPage /> },
  { path: 'invite', element: <InvitePage /> },
];

/** The signed-in user's own account. */
export const accountRoutes: RouteObject[] = [{ path: 'account', element: <AccountPage /> }];

/** The console's people: accounts, invitations, and the requests that wait for a second admin. */
export const identityAdminRoutes: RouteObject[] = [
  { path: 'users', element: <UsersPage /> },
  { path: 'users/:id', element: <UserPage /> },
  { path: 'invitations', element: <InvitationsPage /> },
  { path: 'approvals', element: <ApprovalsPage /> },
];
