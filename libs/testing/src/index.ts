export { createTestDatabase, TEMPLATE_DATABASE } from './test-database';
export type { TestDatabase } from './test-database';
export { freePort } from './free-port';
export { repoRoot } from './repo-root';
export { runCli, spawnApi } from './cli-runner';
export * from './webauthn/soft-authenticator';
export * from './webauthn/attestation-ca';
