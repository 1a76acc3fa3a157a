// Starts the built API as an operator would (`node dist/apps/api/src/main.js`) on a throw-away
// embedded PostgreSQL, and stops it again.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, onCleanup, spawnNode, stopProcess } from './processes.mjs';
import { repoRoot } from './repo.mjs';

export const API_MAIN = join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js');
const CONFIG_LIB = join(repoRoot, 'dist', 'libs', 'config', 'src', 'index.js');

/**
 * Builds the API unless a build is already there. The cache is skipped because the build also
 * writes dist/libs, which a cache hit does not restore.
 */
export function ensureApiBuilt() {
  if (existsSync(API_MAIN) && existsSync(CONFIG_LIB)) return;
  console.log('dist/apps/api is incomplete: building it with `npx nx run api:build`');
  const args = ['nx', 'run', 'api:build', '--skip-nx-cache', '--outputStyle=static'];
  const built = spawnSync('npx', args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' },
  });
  if (built.status !== 0 || !existsSync(API_MAIN) || !existsSync(CONFIG_LIB)) {
    throw new Error('api:build failed; see the output above');
  }
}

/** The environment for the API: ours, with none of the caller's platform settings leaking in. */
function apiEnv(overrides) {
  const { configSchema } = createRequire(import.meta.url)(CONFIG_LIB);
  const env = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  return { ...env, ...overrides };
}

async function waitForReady(child, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the API exited before it was ready:\n${child.tail()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API was not ready within ${timeoutMs} ms:\n${child.tail()}`);
}

/**
 * Starts the API with its embedded PostgreSQL in a fresh temporary DATA_DIR on free ports and
 * resolves once /api/v1/health/ready answers 200. `env` adds or overrides settings.
 */
export async function startApi({ env = {}, readyTimeoutMs = 90_000 } = {}) {
  ensureApiBuilt();
  const scratch = mkdtempSync(join(tmpdir(), 'coop-bench-'));
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to traverse here.
  chmodSync(scratch, 0o711);
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });

  const [port, pgPort] = await freePorts(2);
  const started = performance.now();
  const child = spawnNode([API_MAIN], {
    cwd: repoRoot,
    env: apiEnv({
      NODE_ENV: 'production',
      // Benchmarks enrol software passkeys, which no pinned vendor root vouches for.
      HARDENED_ROLES: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: join(scratch, 'data'),
      LOG_LEVEL: 'warn',
      ...env,
    }),
  });
  let stopped;
  const stop = () =>
    (stopped ??= (async () => {
      const ended = await stopProcess(child);
      removeScratch();
      return ended;
    })());
  onCleanup(stop);

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(child, `${url}/api/v1/health/ready`, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, child, startupMs: performance.now() - started, stop };
}
