export { CaselawNavLink, caselawRoutes } from './routes';
