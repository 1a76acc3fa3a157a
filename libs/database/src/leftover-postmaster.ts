import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The first lines of `postmaster.pid`, which PostgreSQL keeps in its data folder while it runs. */
export interface PostmasterLock {
  pid: number;
  dataDir: string;
  port: number;
}

interface ProcessInfo {
  uid: number;
  ppid: number;
  args: string[];
}

export async function readPostmasterLock(pgDir: string): Promise<PostmasterLock | undefined> {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const [pid, dataDir, , port] = (await readFile(file, 'utf8')).split('\n');
  return { pid: Number(pid), dataDir, port: Number(port) };
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function processInfo(pid: number): Promise<ProcessInfo | undefined> {
  try {
    if (existsSync('/proc/self/status')) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) =>
        Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      return { uid: field('Uid'), ppid: field('PPid'), args: cmdline.split('\0').filter(Boolean) };
    }
    const [uid, ppid, ...args] = execFileSync('ps', ['-o', 'uid=,ppid=,args=', '-p', String(pid)], {
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/);
    return { uid: Number(uid), ppid: Number(ppid), args };
  } catch {
    return undefined;
  }
}

/** True when `pid` is a PostgreSQL server started on `pgDir` by `uid`. */
function isPostmasterOf(info: ProcessInfo, pgDir: string, uid: number): boolean {
  const dataArg = info.args.indexOf('-D');
  return (
    basename(info.args[0] ?? '') === 'postgres' &&
    dataArg > 0 &&
    info.args[dataArg + 1] === pgDir &&
    info.uid === uid
  );
}

async function readOwner(ownerFile: string): Promise<number | undefined> {
  if (!existsSync(ownerFile)) return undefined;
  return Number((await readFile(ownerFile, 'utf8')).trim());
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

export interface LeftoverOptions {
  pgDir: string;
  /** Holds the pid of the process that started the server now running, if any. */
  ownerFile: string;
  /** The OS user the server runs as. */
  uid: number;
  log: (line: string) => void;
}

/**
 * Clears the way for a new server on `pgDir`: a server left running by an owner that has died is
 * stopped (fast shutdown, then immediate), and a lock file naming a process that is gone or is
 * something else is removed. A server whose owner is still alive is left alone, and start fails.
 */
export async function clearLeftoverPostmaster(options: LeftoverOptions): Promise<void> {
  const lock = await readPostmasterLock(options.pgDir);
  if (!lock) return;
  const info = isAlive(lock.pid) ? await processInfo(lock.pid) : undefined;
  if (
    !info ||
    lock.dataDir !== options.pgDir ||
    !isPostmasterOf(info, options.pgDir, options.uid)
  ) {
    options.log(`removing a stale postmaster.pid (pid ${lock.pid} is not this folder's server)`);
    await rm(join(options.pgDir, 'postmaster.pid'), { force: true });
    return;
  }
  const owner = await readOwner(options.ownerFile);
  if (owner !== undefined && owner === info.ppid && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `Embedded PostgreSQL in ${options.pgDir} is in use by process ${owner}; stop that process first`,
    );
  }
  options.log(
    `stopping PostgreSQL pid ${lock.pid} (port ${lock.port}), left running by an earlier run`,
  );
  process.kill(lock.pid, 'SIGINT');
  if (await waitForExit(lock.pid, 15_000)) return;
  process.kill(lock.pid, 'SIGQUIT');
  if (await waitForExit(lock.pid, 5_000)) return;
  throw new Error(`PostgreSQL pid ${lock.pid}, left running in ${options.pgDir}, did not stop`);
}
