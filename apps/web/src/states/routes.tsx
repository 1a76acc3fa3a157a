import type { ReactElement } from 'react';
import type { RouteObject } from 'react-router';
import { StatesPage } from './StatesPage';

/**
 * The console's States Parties. A State's own page comes from the app, which names the users who
 * made its versions: users belong to identity, which itself builds on States.
 */
export function statesAdminRoutes(statePage: ReactElement): RouteObject[] {
  return [
    { path: 'states', element: <StatesPage /> },
    { path: 'states/:code', element: statePage },
  ];
}
