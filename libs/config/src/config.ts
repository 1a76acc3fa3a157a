import { readAttestationRoots } from './attestation-roots';
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
  // Production hardens Registry admins unless the operator says otherwise, even with an empty value.
  const hardenedRoles =
    config.NODE_ENV === 'production' && env.HARDENED_ROLES === undefined
      ? (['registry_admin'] as const)
      : config.HARDENED_ROLES;
  const roots = config.ATTESTATION_ROOTS_DIR
    ? readAttestationRoots(config.ATTESTATION_ROOTS_DIR)
    : { roots: [], problems: [] };
  const problems = roots.problems.map((p) => `ATTESTATION_ROOTS_DIR: ${p}`);
  if (hardenedRoles.length > 0) {
    const why =
      env.HARDENED_ROLES === undefined
        ? 'HARDENED_ROLES defaults to registry_admin in production (set HARDENED_ROLES= to opt out)'
        : 'HARDENED_ROLES is set';
    if (config.AAGUID_ALLOWLIST.length === 0)
      problems.push(`AAGUID_ALLOWLIST: must list the allowed authenticators when ${why}`);
    if (!config.ATTESTATION_ROOTS_DIR)
      problems.push(
        `ATTESTATION_ROOTS_DIR: must name a folder of vendor root certificates when ${why}`,
      );
  }
  if (config.DATABASE_OWNER_URL && !config.DATABASE_URL) {
    problems.push(
      'DATABASE_OWNER_URL: only used with DATABASE_URL (the embedded default manages both roles)',
    );
  }
  if (!config.TLS_CERT_FILE !== !config.TLS_KEY_FILE) {
    problems.push('TLS_CERT_FILE: set together with TLS_KEY_FILE, or neither');
  }
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    problems.push('HEADERS_TIMEOUT_MS: must not exceed REQUEST_TIMEOUT_MS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...config,
    HARDENED_ROLES: [...hardenedRoles],
    PUBLIC_ORIGIN: publicOrigin,
    WEBAUTHN_RP_ID: config.WEBAUTHN_RP_ID ?? new URL(publicOrigin).hostname,
    ATTESTATION_ROOTS: roots.roots,
    API_EXPLORER: config.API_EXPLORER ?? config.NODE_ENV !== 'production',
  };
}

/** A copy safe to print: secrets masked, credentials stripped from URLs. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      secretKeys.has(key as keyof AppConfig) && value !== undefined
        ? '***'
        : key === 'ATTESTATION_ROOTS'
          ? config.ATTESTATION_ROOTS.map(
              (r) => `${r.file}: ${r.subject} (SHA-256 ${r.fingerprint256})`,
            )
          : value,
    ]),
  );
}
