export { startEmbeddedCluster } from './embedded-cluster';
export type { EmbeddedClusterOptions, RunningCluster, Supervision } from './embedded-cluster';
export { dataSourceOptions, MIGRATIONS_GLOB } from './data-source-options';
export type { DatabaseOptions } from './data-source-options';
export { SnakeNamingStrategy } from './naming-strategy';
export { resolveDatabase, EMBEDDED_DATABASE } from './connect';
export type { DatabaseTarget, ResolveDatabaseOptions } from './connect';
export { APP_ROLE, appRoleUrl, ensureAppRole, privilegedRoleProblem } from './app-role';
export { runMigrations } from './migrate';
