import type { RouteObject } from 'react-router';
import { NoticesPage } from './NoticesPage';

export const noticesRoutes: RouteObject[] = [{ path: 'notices', element: <NoticesPage /> }];
