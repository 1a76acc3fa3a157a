import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '..', '..', '..');

// Benchmarks and scripts use the compiled library from plain Node ESM; prove that works.
describe('compiled output', () => {
  let out: string;

  beforeAll(() => {
    // Inside the repository, so the compiled code finds node_modules (tmp/ is git-ignored).
    mkdirSync(join(repo, 'tmp'), { recursive: true });
    out = mkdtempSync(join(repo, 'tmp', 'crypto-dist-'));
    execFileSync(
      join(repo, 'node_modules', '.bin', 'swc'),
      [
        'libs/crypto/src',
        '-d',
        out,
        '--config-file',
        '.swcrc',
        '--ignore',
        '**/*.spec.ts',
        '--quiet',
      ],
      { cwd: repo },
    );
  });

  afterAll(() => out && rmSync(out, { recursive: true, force: true }));

  it('runs the payload, envelope and file-stream API from an .mjs file', () => {
    const script = join(out, 'check.mjs');
    writeFileSync(
      script,
      `import crypto from './libs/crypto/src/index.js';
const { ready, generateAccountKeys, createKeyRecord, encryptPayload, decryptPayload,
  sealEnvelope, openEnvelope, encryptFileStream, decryptFileStream } = crypto;
await ready();
const key = new Uint8Array(32).fill(1);
const ad = { purpose: 'message', ids: ['c'], epoch: 0, sender: 'u' };
const text = new TextDecoder().decode(await decryptPayload(key, await encryptPayload(key, 'ok', ad), ad));
const keys = await generateAccountKeys();
const record = await createKeyRecord(keys, { userId: 'u', generation: 1 });
const ctx = { purpose: 'channel-epoch-key', channelId: 'c', epoch: 0 };
const envelope = await sealEnvelope(key, ctx, { userId: 'u', keys }, record);
const opened = await openEnvelope(envelope, { userId: 'u', keys }, { userId: 'u', signingKey: record.signingKey }, ctx);
const { key: fileKey, chunks } = await encryptFileStream([new Uint8Array(70000)]);
const parts = [];
for await (const chunk of chunks) parts.push(chunk);
let size = 0;
for await (const chunk of decryptFileStream(fileKey, parts)) size += chunk.length;
console.log(JSON.stringify({ text, opened: opened[0], size }));
`,
    );
    const output = execFileSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ text: 'ok', opened: 1, size: 70000 });
  });
});
