// Sealed key envelopes per second (libs/crypto sealEnvelope: X25519 sealed box of a 32-byte
// key plus the sender's Ed25519 signature) against the same work done natively by OpenSSL
// through node:crypto in this process: an ephemeral X25519 key pair, one key agreement, a
// ChaCha20-Poly1305 encryption of 32 bytes and one Ed25519 signature.
import { createCipheriv, diffieHellman, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { cleanup } from './lib/processes.mjs';
import { note, printResult } from './lib/result.mjs';
import { runTsWorker } from './lib/ts-worker.mjs';

const NAME = 'crypto-seal';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

function nativeSealsPerSecond() {
  const recipient = generateKeyPairSync('x25519');
  const signer = generateKeyPairSync('ed25519');
  const key = randomBytes(32);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    const ephemeral = generateKeyPairSync('x25519');
    const shared = diffieHellman({
      privateKey: ephemeral.privateKey,
      publicKey: recipient.publicKey,
    });
    const cipher = createCipheriv('chacha20-poly1305', shared, randomBytes(12), {
      authTagLength: 16,
    });
    const sealed = Buffer.concat([cipher.update(key), cipher.final(), cipher.getAuthTag()]);
    sign(null, sealed, signer.privateKey);
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

async function main() {
  console.log(`${NAME}: ${seconds} s each`);
  const ours = await runTsWorker('crypto-worker.ts', 'seal', { seconds });
  const oursRate = ours.count / ours.seconds;
  note('libs/crypto sealEnvelope', oursRate, 'envelopes/s');
  const native = nativeSealsPerSecond();
  note('node:crypto equivalent', native, 'envelopes/s');
  printResult(NAME, oursRate, 'envelopes/s', native);
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
