import 'reflect-metadata';
import {
  privilegedRoleProblem,
  resolveDatabase,
  runMigrations,
  type DatabaseTarget,
} from '@coop/database';
import pino from 'pino';
import { createApp } from './app.factory';
import { InvitationsService } from './identity';
import { ConfigError, loadConfig, type AppConfig } from './platform/config';
import { exitOnUncaughtErrors } from './platform/logging';

const log = pino({ name: 'coop' });
exitOnUncaughtErrors(log);

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal({ problems: error.problems }, error.message);
      process.exit(1);
    }
    throw error;
  }
  log.level = config.LOG_LEVEL;
  if (config.NODE_ENV === 'production' && !config.HARDENED_ROLES.includes('registry_admin')) {
    log.warn(
      'HARDENED_ROLES leaves out registry_admin: Registry admins may register synced passkeys that no vendor attests',
    );
  }
  if (config.ATTESTATION_ROOTS.length > 0) {
    log.info(
      { roots: config.ATTESTATION_ROOTS.map((r) => `${r.subject} (${r.fingerprint256})`) },
      'attestation roots pinned for hardened roles',
    );
  }

  const database = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    ownerUrl: config.DATABASE_OWNER_URL,
    dataDir: config.DATA_DIR,
    embeddedPort: config.EMBEDDED_PG_PORT,
    onLog: (line) => log.debug({ component: 'embedded-postgres' }, line),
    onNotice: (line) => log.warn({ component: 'embedded-postgres' }, line),
    supervise: {
      onLost: (detail) =>
        log.error({ detail }, 'embedded PostgreSQL stopped unexpectedly; restarting it'),
      onBack: () => log.info('embedded PostgreSQL is back'),
      onGiveUp: (error) => {
        log.fatal({ err: error }, 'embedded PostgreSQL could not be restarted; exiting');
        process.exit(1);
      },
    },
  });
  const embedded = database.embedded;
  if (embedded) {
    log.info(
      { dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT, created: embedded.initialisedNow },
      'DATABASE_URL is not set: using the embedded PostgreSQL',
    );
  } else {
    log.info('using the PostgreSQL server named by DATABASE_URL');
  }

  const app = await prepareSchema(config, database)
    .then(() => createApp(config, database.url))
    .catch(async (error: unknown) => {
      await embedded?.stop();
      throw error;
    });
  // Before listening, so that once the platform answers "ready" the link has been printed.
  await offerBootstrapLink(app.get(InvitationsService));
  await app.listen(config.PORT, config.HOST);
  log.info(
    { url: config.PUBLIC_ORIGIN, host: config.HOST, port: config.PORT },
    'Cooperation Platform is listening',
  );

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    try {
      await app.close();
      await embedded?.stop();
      log.info('stopped');
      clearTimeout(force);
      process.exitCode = 0;
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  // `on`, not `once`: a second signal must not kill the process before the database stops.
  process.on('SIGTERM', (s) => void shutdown(s));
  process.on('SIGINT', (s) => void shutdown(s));
}

/** Migrates as the schema owner, and says so when the application's own role is as strong. */
async function prepareSchema(config: AppConfig, database: DatabaseTarget): Promise<void> {
  if (config.MIGRATIONS_RUN) {
    for (const name of await runMigrations(database.ownerUrl))
      log.info({ name }, 'migration applied');
  }
  const problem = await privilegedRoleProblem(database.url);
  if (problem) {
    log.warn(
      { problem },
      "DATABASE_URL signs in with a role that could disable the audit log's triggers; " +
        'give the application its own role and set DATABASE_OWNER_URL for migrations',
    );
  }
}

/** With no Registry admin and no link waiting, print a one-time link to enrol the first one. */
async function offerBootstrapLink(invitations: InvitationsService): Promise<void> {
  if (!(await invitations.needsBootstrap())) return;
  const { link, invitation } = await invitations.bootstrap(
    'Registry administrator',
    'registry-admin@localhost',
  );
  const banner = [
    '',
    '  No Registry admin exists yet. Open this one-time link to enrol the first one',
    `  (valid until ${invitation.expiresAt}; it is shown only this once):`,
    '',
    `    ${link}`,
    '',
  ].join('\n');
  process.stdout.write(`${banner}\n`);
  log.info(
    { invitationId: invitation.id, expiresAt: invitation.expiresAt },
    'bootstrap invitation issued',
  );
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
