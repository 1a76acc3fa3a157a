import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { AuditPage } from '../audit';
import { caselawRoutes } from '../caselaw';
import {
  AccountPage,
  ApprovalsPage,
  InvitationsPage,
  InvitePage,
  SignInPage,
  UserPage,
  UsersPage,
  useUserNames,
} from '../identity';
import { ContactPage, KeysGate, PeoplePage } from '../keys';
import { NoticesPage } from '../notices';
import { RequireRole, RequireSignedIn } from '../platform';
import { StatePage, StatesPage } from '../states';
import { StatusPage } from '../status';
import { AdminLayout } from './AdminLayout';
import { ErrorPage } from './ErrorPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

/** A State's page, its versions signed with the names of the users who made them. */
function StateScreen() {
  return <StatePage userName={useUserNames()} />;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Shell />,
      children: [
        {
          errorElement: <ErrorPage />,
          children: [
            { path: 'sign-in', element: <SignInPage /> },
            { path: 'invite', element: <InvitePage /> },
            { path: 'status', element: <StatusPage /> },
            {
              element: <RequireSignedIn />,
              children: [
                {
                  // Signed in is not enough: the account keys must be set up and unlocked.
                  element: (
                    <KeysGate>
                      <Outlet />
                    </KeysGate>
                  ),
                  children: [
                    { index: true, element: <HomePage /> },
                    { path: 'account', element: <AccountPage /> },
                    { path: 'notices', element: <NoticesPage /> },
                    { path: 'people', element: <PeoplePage /> },
                    { path: 'people/:userId', element: <ContactPage /> },
                    { path: 'caselaw', children: caselawRoutes },
                    {
                      path: 'admin',
                      element: (
                        <RequireRole role="registry_admin">
                          <AdminLayout />
                        </RequireRole>
                      ),
                      children: [
                        { index: true, element: <Navigate to="users" replace /> },
                        { path: 'users', element: <UsersPage /> },
                        { path: 'users/:id', element: <UserPage /> },
                        { path: 'invitations', element: <InvitationsPage /> },
                        { path: 'states', element: <StatesPage /> },
                        { path: 'states/:code', element: <StateScreen /> },
                        { path: 'approvals', element: <ApprovalsPage /> },
                        { path: 'audit', element: <AuditPage /> },
                      ],
                    },
                  ],
                },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
