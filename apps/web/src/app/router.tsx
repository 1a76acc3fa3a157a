import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { auditAdminRoutes } from '../audit';
import { caselawRoutes } from '../caselaw';
import {
  accountRoutes,
  identityAdminRoutes,
  identityPublicRoutes,
  useUserNames,
} from '../identity';
import { KeysGate, keysRoutes } from '../keys';
import { noticesRoutes } from '../notices';
import { RequireRole, RequireSignedIn } from '../platform';
import { StatePage, statesAdminRoutes } from '../states';
import { statusRoutes } from '../status';
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
            ...identityPublicRoutes,
            ...statusRoutes,
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
                    ...accountRoutes,
                    ...noticesRoutes,
                    ...keysRoutes,
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
                        ...identityAdminRoutes,
                        ...statesAdminRoutes(<StateScreen />),
                        ...auditAdminRoutes,
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
