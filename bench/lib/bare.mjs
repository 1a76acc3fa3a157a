import { join } from 'node:path';
import { onCleanup, spawnNode, stopProcess } from './processes.mjs';
import { repoRoot } from './repo.mjs';

/** Starts bench/lib/bare-http-server.mjs answering `body`; resolves once it listens. */
export async function startBareServer(body, { timeoutMs = 10_000 } = {}) {
  const child = spawnNode([join(repoRoot, 'bench', 'lib', 'bare-http-server.mjs'), body]);
  const stop = () => stopProcess(child, 2_000);
  onCleanup(stop);
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the bare server did not start')), timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the bare server exited:\n${child.tail()}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child, stop };
}
