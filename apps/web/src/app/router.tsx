import { createBrowserRouter } from 'react-router';
import { StatusPage } from '../status';
import { ErrorPage } from './ErrorPage';
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
            { index: true, element: <StatusPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
