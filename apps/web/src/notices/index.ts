export { LastSignIn } from './LastSignIn';
export { NoticesNavLink } from './NoticesNavLink';
export { NoticesPage } from './NoticesPage';
export { useNoticesChanged } from './queries';
