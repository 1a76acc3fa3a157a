export { loadConfig, describeConfig, ConfigError } from './config';
export { configSchema } from './config.schema';
export type { AppConfig } from './config.schema';
export type { AttestationRoot } from './attestation-roots';
