// Child processes owned by a benchmark: started here, stopped on exit or interrupt.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const owned = new Set();
const cleanups = [];

/** Runs `fn` when the benchmark ends, normally or by SIGINT/SIGTERM (in reverse order). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

let cleaning;
export function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (error) {
        console.error(`cleanup failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping benchmark processes`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  for (const child of owned) child.kill('SIGKILL');
});

/** Spawns `node <args>` with piped output, keeping the last lines for error reports. */
export function spawnNode(args, { env = process.env, cwd } = {}) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  owned.add(child);
  const tail = [];
  const keep = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      owned.delete(child);
      resolve({ code, signal });
    });
  });
  child.tail = () => tail.join('\n');
  return child;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves with how the process ended. */
export async function stopProcess(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const ended = await child.exited;
  clearTimeout(timer);
  return ended;
}

/** `count` distinct TCP ports that were free on loopback a moment ago. */
export async function freePorts(count) {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
