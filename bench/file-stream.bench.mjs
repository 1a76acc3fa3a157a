// Streaming encryption of a 100 MiB file through libs/crypto (secretstream, 64 KiB chunks):
// MB/s and peak memory, against node:crypto's native ChaCha20-Poly1305 encrypting the same
// bytes in the same chunk size in this process.
import { createCipheriv, randomBytes } from 'node:crypto';
import { cleanup } from './lib/processes.mjs';
import { note, printResult } from './lib/result.mjs';
import { runTsWorker } from './lib/ts-worker.mjs';

const NAME = 'file-stream';
const MEBIBYTES = Number(process.env.BENCH_MEBIBYTES ?? 100);
const CHUNK = 64 * 1024;

function nativeMegabytesPerSecond() {
  const piece = randomBytes(1 << 20);
  const key = randomBytes(32);
  const started = performance.now();
  for (let i = 0; i < MEBIBYTES; i++) {
    for (let offset = 0; offset < piece.length; offset += CHUNK) {
      const cipher = createCipheriv('chacha20-poly1305', key, randomBytes(12), {
        authTagLength: 16,
      });
      cipher.update(piece.subarray(offset, offset + CHUNK));
      cipher.final();
      cipher.getAuthTag();
    }
  }
  return (MEBIBYTES * (1 << 20)) / ((performance.now() - started) / 1000) / 1e6;
}

async function main() {
  console.log(`${NAME}: ${MEBIBYTES} MiB in ${CHUNK / 1024} KiB chunks`);
  const ours = await runTsWorker('crypto-worker.ts', 'file', { mebibytes: MEBIBYTES }, [
    '--expose-gc',
  ]);
  const oursMBs = ours.bytes / ours.seconds / 1e6;
  note('libs/crypto encryptFileStream', oursMBs, 'MB/s');
  note('peak RSS', ours.peakRssBytes / 2 ** 20, 'MiB');
  note('RSS growth while streaming', (ours.peakRssBytes - ours.baseRssBytes) / 2 ** 20, 'MiB');
  const native = nativeMegabytesPerSecond();
  note('node:crypto chacha20-poly1305', native, 'MB/s');
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
