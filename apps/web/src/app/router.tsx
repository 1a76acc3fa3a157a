import { createBrowserRouter } from 'react-router';
import { AccountPage, InvitePage, SignInPage } from '../identity';
import { StatusPage } from '../status';
import { ErrorPage } from './ErrorPage';
import { RequireSignedIn } from './guards';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

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
                { index: true, element: <HomePage /> },
                { path: 'account', element: <AccountPage /> },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
