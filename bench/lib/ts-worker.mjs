import { join } from 'node:path';
import { spawnNode } from './processes.mjs';
import { repoRoot } from './repo.mjs';

/**
 * Runs a TypeScript worker of bench/lib in its own process (compiled on the fly, with the
 * workspace's path aliases) and returns the JSON object it prints last.
 */
export async function runTsWorker(file, command, options, nodeFlags = []) {
  const child = spawnNode(
    [
      ...nodeFlags,
      '-r',
      '@swc-node/register',
      join(repoRoot, 'bench', 'lib', file),
      command,
      JSON.stringify(options),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(repoRoot, 'tsconfig.base.json') },
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const { code } = await child.exited;
  const line = out.trim().split('\n').pop();
  if (code !== 0 || !line)
    throw new Error(`${file} ${command} failed (exit ${code}):\n${child.tail()}`);
  return JSON.parse(line);
}
