import { z } from 'zod';
import type { AttestationRoot } from './attestation-roots';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://');

const port = z.coerce.number().int().min(1).max(65535);

/** scheme://host[:port], normalised the way browsers send it in the Origin header. */
const origin = z
  .url({ protocol: /^https?$/ })
  .refine((u) => ['', '/'].includes(new URL(u).pathname + new URL(u).search + new URL(u).hash), {
    message: 'must be an origin (scheme://host[:port]) without a path',
  })
  .transform((u) => new URL(u).origin);

/** A comma-separated list, each item checked by `item`. */
const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/** Every setting the API reads from the environment. Anything else in the environment is ignored. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_ORIGIN: origin.optional(),
  DATABASE_URL: postgresUrl.optional(),
  /** The schema owner, for migrations; DATABASE_URL is then the application's own, lesser role. */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./.data'),
  EMBEDDED_PG_PORT: port.default(54329),
  MIGRATIONS_RUN: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 1mb')
    .default('1mb'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  WEB_DIST: z.string().min(1).default('./dist/apps/web'),
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Longest a client may take to send a whole request, body included (Node's own default: 300 s). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** Longest a client may take to send the request line and headers. */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  /** How long an idle keep-alive connection stays open; a proxy in front must give up sooner. */
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(5_000),
  /** PEM certificate chain and key: with both, the API itself speaks HTTPS (e.g. to its proxy). */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** The interactive explorer at /api/docs; unset means on, except in production. */
  API_EXPLORER: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  WEBAUTHN_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a host name such as coop.example.org')
    .optional(),
  WEBAUTHN_RP_NAME: z.string().min(1).max(64).default('Cooperation Platform'),
  /** Extra origins allowed in WebAuthn ceremonies, comma-separated; PUBLIC_ORIGIN always is. */
  WEBAUTHN_EXTRA_ORIGINS: list(origin).default([]),
  /**
   * Roles whose passkeys must be attested, device-bound authenticators from AAGUID_ALLOWLIST.
   * Unset in production means `registry_admin`; loadConfig applies that default.
   */
  HARDENED_ROLES: list(z.enum(['registry_admin', 'facilitator', 'focal_point'])).default([]),
  AAGUID_ALLOWLIST: list(z.uuid()).default([]),
  /** Folder of vendor root certificates (*.pem) that hardened roles' attestations must chain to. */
  ATTESTATION_ROOTS_DIR: z.string().min(1).optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** A facilitator who wrote or submitted a case-law revision may not publish it alone. */
  CASELAW_SECOND_REVIEW: bool.default(true),
});

export type AppConfig = z.infer<typeof configSchema> & {
  PUBLIC_ORIGIN: string;
  WEBAUTHN_RP_ID: string;
  /** The certificates read from ATTESTATION_ROOTS_DIR at boot. */
  ATTESTATION_ROOTS: readonly AttestationRoot[];
  API_EXPLORER: boolean;
};

/** Names of settings whose values must never be printed. */
export const secretKeys: ReadonlySet<keyof AppConfig> = new Set([
  'DATABASE_URL',
  'DATABASE_OWNER_URL',
  'METRICS_TOKEN',
]);
