export { accountRoutes, identityAdminRoutes, identityPublicRoutes } from './routes';
export { useUserNames, useUsers } from './users/queries';
export { useRoleSummary } from './labels';
