export { LastSignIn } from './LastSignIn';
export { NoticesNavLink } from './NoticesNavLink';
export { useNoticesChanged } from './queries';
export { noticesRoutes } from './routes';
