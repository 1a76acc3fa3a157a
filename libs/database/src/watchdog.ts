import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/*
 * Runs in its own small process, in its own process group. Each line on stdin names the server
 * pid to guard (0: none). When stdin closes, the owner has exited, however it ended (kill -9
 * included), and the guarded server gets a fast shutdown, then an immediate one.
 */
const SCRIPT = `
let pid = 0, pending = '';
const alive = () => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const signal = (name) => { try { process.kill(pid, name); } catch {} };
const stop = () => {
  if (!pid || !alive()) process.exit(0);
  signal('SIGINT');
  const started = Date.now();
  let escalated = false;
  setInterval(() => {
    if (!alive()) process.exit(0);
    if (!escalated && Date.now() - started > 10000) { escalated = true; signal('SIGQUIT'); }
    if (Date.now() - started > 20000) process.exit(1);
  }, 100);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  const lines = (pending + chunk).split('\\n');
  pending = lines.pop();
  for (const line of lines) pid = Number(line) || 0;
});
process.stdin.on('end', stop);
process.stdin.on('error', stop);
`;

export interface Watchdog {
  guard(pid: number): void;
  /** Tells it nothing needs stopping any more, and lets it exit. */
  release(): void;
}

/** Starts a process that stops the guarded server once this process has exited. */
export function startWatchdog(): Watchdog {
  const child = spawn(process.execPath, ['-e', SCRIPT], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const stdin = child.stdin as Socket;
  // Neither the process nor its pipe may keep this one's event loop alive.
  child.unref();
  stdin.unref();
  stdin.on('error', () => undefined);
  return {
    guard: (pid) => void stdin.write(`${pid}\n`),
    release: () => void stdin.end('0\n'),
  };
}
