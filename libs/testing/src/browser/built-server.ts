import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { repoRoot } from '../repo-root';
import { createTestDatabase, type TestDatabase } from '../test-database';

export interface BuiltServer {
  /** Origin the browser should use, e.g. http://localhost:40123 (no trailing slash). */
  readonly url: string;
  /** The server's own database; dropping it under the server makes it unready. */
  readonly database: TestDatabase;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const API_ENTRY = 'dist/apps/api/src/main.js';
const WEB_DIST = 'dist/apps/web';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_LIMIT = 64 * 1024;

/**
 * Runs the built API (which serves the built web app) as its own process on a fresh database
 * cloned from the migrated template, and resolves once it reports ready.
 */
export async function startBuiltServer(env: NodeJS.ProcessEnv = {}): Promise<BuiltServer> {
  const root = repoRoot();
  for (const built of [API_ENTRY, join(WEB_DIST, 'index.html')]) {
    if (!existsSync(join(root, built))) {
      throw new Error(`${built} is missing: build first (nx run web:e2e does).`);
    }
  }

  const database = await createTestDatabase();
  const port = await freePort();
  // localhost, not 127.0.0.1: WebAuthn accepts it as a secure context and a relying-party id.
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_ORIGIN: url,
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.url,
      LOG_LEVEL: 'warn',
      WEB_DIST,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
  };

  try {
    await waitUntilReady(`http://127.0.0.1:${port}/api/v1/health/ready`, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, database, output: () => output, stop };
}

async function waitUntilReady(
  readyUrl: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`The API exited with code ${exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The API was not ready within ${READY_TIMEOUT_MS} ms (${last}):\n${output()}`);
}
