import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@coop/testing';
import { launchApi, stopApi, waitUntilReady, type ApiProcess } from '../test/process.harness';

/** PIDs of postgres servers whose command line names this data folder. */
function postgresProcessesFor(dir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return [];
  }
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return [];
  }
}

function postmasterPid(pgDir: string): number {
  return Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function eventually(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const lines = (api: ApiProcess, msg: string) =>
  api
    .output()
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}`)).length;

describe('the API process with the embedded PostgreSQL, after a crash', () => {
  jest.setTimeout(120_000);
  let scratch: string;
  let dataDir: string;
  let pgDir: string;
  let env: NodeJS.ProcessEnv;
  const launched: ApiProcess[] = [];
  const launch = () => {
    const api = launchApi(env);
    launched.push(api);
    return api;
  };

  beforeEach(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'coop-recovery-'));
    chmodSync(scratch, 0o711); // as root, the server runs as the `postgres` OS user
    dataDir = join(scratch, 'data');
    pgDir = join(dataDir, 'pg');
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
  });

  afterEach(async () => {
    for (const api of launched.splice(0)) {
      if (api.child.exitCode === null && api.child.signalCode === null) {
        await stopApi(api);
      }
    }
    for (const pid of postgresProcessesFor(pgDir)) process.kill(pid, 'SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stops its PostgreSQL when it is killed with -9, and starts again', async () => {
    const first = launch();
    await waitUntilReady(first);
    expect(postgresProcessesFor(pgDir)).toHaveLength(1);

    first.child.kill('SIGKILL');
    await first.exited;
    await eventually(() => postgresProcessesFor(pgDir).length === 0, 'the server to stop');

    const second = launch();
    await waitUntilReady(second);
    expect(await stopApi(second)).toBe(0);
    expect(postgresProcessesFor(pgDir)).toEqual([]);
  });

  it('stops a PostgreSQL left running by an earlier run of this data folder, and starts', async () => {
    const first = launch();
    await waitUntilReady(first);
    const orphan = postmasterPid(pgDir);
    // Everything but the server dies at once, the watchdog included: the server is orphaned.
    const apiPid = first.child.pid ?? 0;
    for (const pid of childrenOf(apiPid).filter((pid) => pid !== orphan)) {
      process.kill(pid, 'SIGKILL');
    }
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(postgresProcessesFor(pgDir)).toEqual([orphan]);

    const second = launch();
    await waitUntilReady(second);
    expect(second.output()).toContain(`stopping PostgreSQL pid ${orphan}`);
    expect(postgresProcessesFor(pgDir)).not.toContain(orphan);
    expect(await stopApi(second)).toBe(0);
    expect(postgresProcessesFor(pgDir)).toEqual([]);
  });

  it('starts over a stale postmaster.pid whose pid is now another process', async () => {
    const first = launch();
    await waitUntilReady(first);
    const stale = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8');
    expect(await stopApi(first)).toBe(0);
    // The pid of this test process: alive, but no PostgreSQL.
    const planted = [String(process.pid), ...stale.split('\n').slice(1)].join('\n');
    writeFileSync(join(pgDir, 'postmaster.pid'), planted);

    const second = launch();
    await waitUntilReady(second);
    expect(second.output()).toContain('removing a stale postmaster.pid');
    expect(await stopApi(second)).toBe(0);
  });

  it('restarts PostgreSQL killed with -9, logging one line each way, and becomes ready again', async () => {
    const api = launch();
    await waitUntilReady(api);
    process.kill(postmasterPid(pgDir), 'SIGKILL');

    await eventually(
      () => lines(api, 'embedded PostgreSQL stopped unexpectedly') === 1,
      'the lost line',
    );
    await eventually(() => lines(api, 'embedded PostgreSQL is back') === 1, 'the back line');
    await waitUntilReady(api);
    expect(lines(api, 'embedded PostgreSQL stopped unexpectedly')).toBe(1);
    expect(lines(api, 'embedded PostgreSQL is back')).toBe(1);
    expect(api.child.exitCode).toBeNull();
    expect(await stopApi(api)).toBe(0);
    expect(postgresProcessesFor(pgDir)).toEqual([]);
  });

  it('exits non-zero when PostgreSQL cannot be restarted', async () => {
    const api = launch();
    await waitUntilReady(api);
    appendFileSync(join(pgDir, 'postgresql.conf'), '\nthis line is not a setting\n');
    process.kill(postmasterPid(pgDir), 'SIGKILL');

    expect(await api.exited).toBe(1);
    expect(lines(api, 'embedded PostgreSQL stopped unexpectedly')).toBe(1);
    expect(lines(api, 'embedded PostgreSQL could not be restarted')).toBe(1);
    expect(lines(api, 'embedded PostgreSQL is back')).toBe(0);
  });
});
