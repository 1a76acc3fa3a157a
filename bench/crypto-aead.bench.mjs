// Payload encryption throughput (XChaCha20-Poly1305 through libs/crypto's encryptPayload, in
// Node via libsodium's WebAssembly build) against OpenSSL's native ChaCha20-Poly1305 on the same
// 1 MiB blocks, measured by `openssl speed` in the same run.
import { execFileSync } from 'node:child_process';
import { cleanup } from './lib/processes.mjs';
import { note, printResult } from './lib/result.mjs';
import { runTsWorker } from './lib/ts-worker.mjs';

const NAME = 'crypto-aead';
const BYTES = 1 << 20;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

/** MB/s (10^6 bytes) from `openssl speed -evp chacha20-poly1305` on 1 MiB blocks. */
function opensslMegabytesPerSecond() {
  const out = execFileSync(
    'openssl',
    ['speed', '-evp', 'chacha20-poly1305', '-bytes', String(BYTES), '-seconds', String(seconds)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const match = out.match(/ChaCha20-Poly1305\s+([\d.]+)k/i);
  if (!match) throw new Error(`unexpected openssl output:\n${out}`);
  return (Number(match[1]) * 1000) / 1e6;
}

async function main() {
  console.log(`${NAME}: 1 MiB messages, ${seconds} s each`);
  const ours = await runTsWorker('crypto-worker.ts', 'aead', { seconds, bytes: BYTES });
  const oursMBs = ours.bytes / ours.seconds / 1e6;
  note('libs/crypto encryptPayload', oursMBs, 'MB/s');
  const native = opensslMegabytesPerSecond();
  note('openssl chacha20-poly1305', native, 'MB/s');
  printResult(NAME, oursMBs, 'MB/s', native);
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
