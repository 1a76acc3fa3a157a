// Runs one benchmark: `npm run bench -- <name>` → `node bench/<name>.bench.mjs`.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const SUFFIX = '.bench.mjs';

const available = readdirSync(benchDir)
  .filter((file) => file.endsWith(SUFFIX))
  .map((file) => file.slice(0, -SUFFIX.length))
  .sort();

const name = process.argv[2];
if (!name || !available.includes(name)) {
  if (name) console.error(`Unknown benchmark "${name}".`);
  console.error('Usage: npm run bench -- <name>');
  console.error(`Available: ${available.length ? available.join(', ') : '(none)'}`);
  process.exit(2);
}

const child = spawn(
  process.execPath,
  [join(benchDir, `${name}${SUFFIX}`), ...process.argv.slice(3)],
  {
    stdio: 'inherit',
  },
);
// The bench cleans up its own children on these signals; pass them on rather than dying first.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
