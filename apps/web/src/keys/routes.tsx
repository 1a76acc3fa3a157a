import type { RouteObject } from 'react-router';
import { ContactPage } from './ContactPage';
import { PeoplePage } from './PeoplePage';

/** The people a user works with, and each one's keys to compare. */
export const keysRoutes: RouteObject[] = [
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/:userId', element: <ContactPage /> },
];
