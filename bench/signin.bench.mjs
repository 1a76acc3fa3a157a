// Passkey sign-ins per second (options + verification, over HTTP, with real ES256 assertions
// from concurrent clients each holding its own passkey) against raw ES256 signature
// verifications per second in this process: how close the whole ceremony comes to the cost of
// the one cryptographic check it cannot avoid.
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { note, printResult } from './lib/result.mjs';
import { cleanup } from './lib/processes.mjs';
import { runPasskeyClient, bootstrapLink } from './lib/passkeys.mjs';
import { startApi } from './lib/server.mjs';

const NAME = 'signin';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const clients = Number(process.env.BENCH_CLIENTS ?? 4);

function es256VerificationsPerSecond(durationSeconds) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.alloc(69 + 32, 7); // authenticatorData + clientDataHash, as WebAuthn signs
  const signature = sign('sha256', data, privateKey);
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  let count = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 100; i++)
      if (!verify('sha256', data, publicKey, signature)) throw new Error('bad signature');
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

async function main() {
  console.log(`${NAME}: ${clients} concurrent clients, ${seconds} s`);
  const api = await startApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  note('api ready after', api.startupMs, 'ms');
  const link = bootstrapLink(api);
  const origin = `http://localhost:${api.port}`;
  const result = await runPasskeyClient('sign-in-loop', {
    url: api.url,
    origin,
    link,
    seconds,
    clients,
  });
  const signIns = result.count / result.seconds;
  note('sign-ins', result.count, `in ${result.seconds.toFixed(1)} s`);
  await api.stop();
  const reference = es256VerificationsPerSecond(Math.min(seconds, 5));
  note('raw ES256 verifications', reference, '/s');
  printResult(NAME, signIns, 'sign-ins/s', reference, 'verifies/s');
}

try {
  await main();
} catch (error) {
  console.error(`${NAME} failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
