// Measures libs/crypto operations in their own process, so each figure has a clean heap.
// Usage: node -r @swc-node/register bench/lib/crypto-worker.ts <aead|seal|file> <json options>
//   aead {seconds, bytes}  → {bytes, seconds}        encryptPayload on `bytes`-sized messages
//   seal {seconds}         → {count, seconds}        sealEnvelope to a fresh recipient record
//   file {mebibytes}       → {bytes, seconds, peakRssBytes, baseRssBytes}
import { randomBytes } from 'node:crypto';
import {
  createKeyRecord,
  encryptFileStream,
  encryptPayload,
  generateAccountKeys,
  ready,
  sealEnvelope,
} from '@coop/crypto';

const options = JSON.parse(process.argv[3] ?? '{}') as {
  seconds?: number;
  bytes?: number;
  mebibytes?: number;
};
const print = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function aead(): Promise<void> {
  const key = new Uint8Array(randomBytes(32));
  const message = new Uint8Array(randomBytes(options.bytes ?? 1 << 20));
  const ad = { purpose: 'message', ids: ['bench-channel'], epoch: 1, sender: 'bench-user' };
  await encryptPayload(key, message, ad); // warm-up
  const started = performance.now();
  const deadline = started + (options.seconds ?? 3) * 1000;
  let bytes = 0;
  while (performance.now() < deadline) {
    await encryptPayload(key, message, ad);
    bytes += message.length;
  }
  print({ bytes, seconds: (performance.now() - started) / 1000 });
}

async function seal(): Promise<void> {
  const sender = {
    userId: '00000000-0000-4000-8000-000000000001',
    keys: await generateAccountKeys(),
  };
  const recipientKeys = await generateAccountKeys();
  const recipient = await createKeyRecord(recipientKeys, {
    userId: '00000000-0000-4000-8000-000000000002',
    generation: 1,
  });
  const key = new Uint8Array(randomBytes(32));
  const context = { purpose: 'channel-epoch-key', channelId: 'bench-channel', epoch: 1 };
  await sealEnvelope(key, context, sender, recipient);
  const started = performance.now();
  const deadline = started + (options.seconds ?? 3) * 1000;
  let count = 0;
  while (performance.now() < deadline) {
    await sealEnvelope(key, context, sender, recipient);
    count += 1;
  }
  print({ count, seconds: (performance.now() - started) / 1000 });
}

/** A 100 MiB file produced on the fly in 1 MiB pieces, so the source itself holds no memory. */
async function* generatedFile(mebibytes: number): AsyncGenerator<Uint8Array> {
  const piece = new Uint8Array(randomBytes(1 << 20));
  for (let i = 0; i < mebibytes; i++) yield piece;
}

async function file(): Promise<void> {
  await ready();
  const mebibytes = options.mebibytes ?? 100;
  global.gc?.();
  const baseRssBytes = process.memoryUsage().rss;
  let peakRssBytes = baseRssBytes;
  const sample = setInterval(
    () => (peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss)),
    5,
  );
  const started = performance.now();
  const { chunks } = await encryptFileStream(generatedFile(mebibytes));
  let bytes = 0;
  for await (const chunk of chunks) bytes += chunk.length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sample);
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
  print({
    bytes: mebibytes * (1 << 20),
    ciphertextBytes: bytes,
    seconds,
    peakRssBytes,
    baseRssBytes,
  });
}

const commands: Record<string, () => Promise<void>> = { aead, seal, file };
const run = commands[process.argv[2] ?? ''];
if (!run) {
  process.stderr.write('usage: crypto-worker.ts <aead|seal|file> <json options>\n');
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
