import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage';

export const auditAdminRoutes: RouteObject[] = [{ path: 'audit', element: <AuditPage /> }];
