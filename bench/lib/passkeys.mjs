import { join } from 'node:path';
import { spawnNode } from './processes.mjs';
import { repoRoot } from './repo.mjs';

/** The one-time link the API prints at its first start, when no Registry admin exists yet. */
export function bootstrapLink(api) {
  const match = api.child.tail().match(/http:\/\/localhost:\d+\/invite#[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no bootstrap link in the API output:\n${api.child.tail()}`);
  return match[0];
}

/** Runs bench/lib/passkey-client.ts in its own process and returns its JSON answer. */
export async function runPasskeyClient(command, options) {
  const child = spawnNode(
    [
      '-r',
      '@swc-node/register',
      join(repoRoot, 'bench', 'lib', 'passkey-client.ts'),
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
    throw new Error(`passkey client failed (exit ${code}):\n${child.tail()}`);
  return JSON.parse(line);
}
