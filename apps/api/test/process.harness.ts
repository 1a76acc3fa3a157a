import type { ChildProcess } from 'node:child_process';
import { spawnApi } from '@coop/testing';

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the API as `npm start` would, in its own process. */
export function launchApi(env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawnApi({ NODE_ENV: 'test', LOG_LEVEL: 'info', WEB_DIST: './tmp/no-web', ...env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${env.PORT}`, output: () => output, exited };
}

/** Polls readiness until it answers 200, or fails with what the process printed. */
export async function waitUntilReady(api: ApiProcess, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  let ended = false;
  void api.exited.then(() => (ended = true));
  while (Date.now() - started < timeoutMs) {
    if (ended) throw new Error(`API exited before it was ready:\n${api.output()}`);
    try {
      const res = await fetch(`${api.url}/api/v1/health/ready`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  api.child.kill('SIGKILL');
  throw new Error(`API not ready within ${timeoutMs} ms:\n${api.output()}`);
}

export async function stopApi(api: ApiProcess): Promise<number | null> {
  api.child.kill('SIGTERM');
  return api.exited;
}
