export { auditAdminRoutes } from './routes';
