import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

/** Runs a TypeScript entry point of this repository in a real Node process, compiled on the fly. */
export function tsNodeArgs(entry: string): string[] {
  return ['-r', '@swc-node/register', join(repoRoot(), entry)];
}

export const tsNodeEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  SWC_NODE_PROJECT: join(repoRoot(), 'tsconfig.base.json'),
  ...env,
});

/** `coop <args>` as an operator would run it; returns stdout, throws with stderr on failure. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [...tsNodeArgs('apps/api/src/cli.ts'), ...args], {
    cwd: repoRoot(),
    env: tsNodeEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function migrateWithCli(databaseUrl: string): void {
  runCli(['migrate'], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
}

/** Starts the API server as its own process, the way `npm start` does. */
export function spawnApi(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, tsNodeArgs('apps/api/src/main.ts'), {
    cwd: repoRoot(),
    env: tsNodeEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
