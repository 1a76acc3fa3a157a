export { statusRoutes } from './routes';
