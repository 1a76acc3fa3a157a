import type { RouteObject } from 'react-router';
import { StatusPage } from './StatusPage';

/** Open to anyone, signed in or not: whether the platform is up. */
export const statusRoutes: RouteObject[] = [{ path: 'status', element: <StatusPage /> }];
