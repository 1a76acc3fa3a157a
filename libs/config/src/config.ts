import { configSchema, secretKeys, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the configuration. Error messages name the variable and the rule it broke,
 * never the value (a mistyped DATABASE_URL may contain a password).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  const publicOrigin = config.PUBLIC_ORIGIN ?? `http://localhost:${config.PORT}`;
  if (config.HARDENED_ROLES.length > 0 && config.AAGUID_ALLOWLIST.length === 0) {
    throw new ConfigError([
      'AAGUID_ALLOWLIST: must list the allowed authenticators when HARDENED_ROLES is set',
    ]);
  }
  return {
    ...config,
    PUBLIC_ORIGIN: publicOrigin,
    WEBAUTHN_RP_ID: config.WEBAUTHN_RP_ID ?? new URL(publicOrigin).hostname,
  };
}

/** A copy safe to print: secrets masked, credentials stripped from URLs. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      secretKeys.has(key as keyof AppConfig) && value !== undefined ? '***' : value,
    ]),
  );
}
