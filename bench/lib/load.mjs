import { join } from 'node:path';
import { spawnNode } from './processes.mjs';
import { repoRoot } from './repo.mjs';

const WORKER = join(repoRoot, 'bench', 'lib', 'load-worker.mjs');

/**
 * Runs autocannon against `url` from a separate process for `seconds` with `connections`
 * keep-alive connections. With `expectBody`, responses with another body count as failures;
 * `headers` are sent with every request (a session cookie, say).
 * Rejects when any request failed, so a broken server never yields a figure.
 */
export async function measure(
  url,
  { connections, seconds, expectBody, headers, allowFailures = false },
) {
  const args = [
    WORKER,
    url,
    String(connections),
    String(seconds),
    expectBody ?? '',
    JSON.stringify(headers ?? {}),
  ];
  const child = spawnNode(args);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const { code } = await child.exited;
  const line = out.trim().split('\n').pop();
  if (code !== 0 || !line) throw new Error(`load worker failed (exit ${code}):\n${child.tail()}`);
  const result = JSON.parse(line);
  const failures = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failures > 0 && !allowFailures) {
    throw new Error(
      `${url}: ${failures} failed requests (non2xx ${result.non2xx}, errors ${result.errors}, ` +
        `timeouts ${result.timeouts}, body mismatches ${result.mismatches})`,
    );
  }
  return result;
}
