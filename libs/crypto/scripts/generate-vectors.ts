/*
 * Writes the protocol v1 known-answer vectors to libs/crypto/vectors/v1/*.json.
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register libs/crypto/scripts/generate-vectors.ts
 * Every random draw comes from the deterministic test source (src/v1/testing.ts), so running it
 * again reproduces the same files, except the parts libsodium randomises internally
 * (crypto_box_seal, the secretstream header), which the specs check by decryption instead.
 * Intermediate values are computed here from the documented formulas, with libsodium
 * primitives, not through the library's internals.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAttestation,
  createKeyRecord,
  encryptFileStream,
  encryptPayload,
  fingerprint,
  generateAccountKeys,
  generateRecoveryKey,
  qrPayload,
  safetyNumber,
  sealEnvelope,
  wrapBundle,
  type AccountKeys,
} from '../src';
import { signingSeedOf } from '../src/v1/account-keys';
import { encodeFields, toBase64Url, toHex, type Field } from '../src/v1/encoding';
import { payloadAd } from '../src/v1/payload';
import { randomBytes } from '../src/v1/random';
import { safetyNumberDigits } from '../src/v1/safety-number';
import { argon2id, blake2b, ready, sha512, signDetached } from '../src/v1/sodium';
import { seedFromLabel, withDeterministicRandom } from '../src/v1/testing';

const OUT = join(__dirname, '..', 'vectors', 'v1');
const CREATED_AT = '2025-01-15T09:30:00.000Z';
const ALICE = '3f1c2a7e-8b4d-4e2a-9c51-0d6b7a8e9f10';
const BOB = 'b7e2d9c4-1a3f-4c8e-8d2b-5e6f7a8b9c0d';
const CHANNEL = '8c0e6b1d-2f4a-4b7c-9e3d-1a2b3c4d5e6f';
const RANDOMNESS =
  'Draw i (from 0) of n bytes = randombytes_buf_deterministic(n, BLAKE2b-256(key = seed, message = u64be(i))).';

type FieldJson =
  | { type: 'bytes'; hex: string }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number };

function fieldsJson(fields: readonly Field[]): FieldJson[] {
  return fields.map((field) =>
    field instanceof Uint8Array
      ? { type: 'bytes', hex: toHex(field) }
      : typeof field === 'string'
        ? { type: 'string', value: field }
        : { type: 'number', value: field },
  );
}

function keysJson(keys: AccountKeys) {
  return {
    encryptionPublicKey: toHex(keys.encryption.publicKey),
    encryptionSecretKey: toHex(keys.encryption.secretKey),
    signingPublicKey: toHex(keys.signing.publicKey),
    signingSeed: toHex(signingSeedOf(keys)),
  };
}

function write(name: string, description: string, body: Record<string, unknown>): void {
  const file = join(OUT, `${name}.json`);
  const content = { description, protocol: 'coop/v1', libsodium: '1.0.22', ...body };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}

/** Runs `action` under the deterministic source named by `label`. */
async function seeded<T>(label: string, action: () => Promise<T>) {
  const seed = seedFromLabel(label);
  const { result, draws } = await withDeterministicRandom(seed, action);
  return { seedLabel: label, seed: toHex(seed), draws, result };
}

async function keysFor(label: string): Promise<AccountKeys> {
  return (await seeded(label, generateAccountKeys)).result;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function encodingVectors(): Promise<void> {
  const cases: { name: string; context: string; fields: Field[] }[] = [
    { name: 'no fields', context: 'coop/v1/example', fields: [] },
    {
      name: 'one of each type',
      context: 'coop/v1/example',
      fields: [Uint8Array.of(1, 2, 3), 'abc', 7],
    },
    { name: 'empty values', context: 'coop/v1/example', fields: [new Uint8Array(0), ''] },
    {
      name: 'non-ASCII strings are UTF-8',
      context: 'coop/v1/example',
      fields: ['Cour pénale', 'المحكمة', '🔐'],
    },
    {
      name: 'numbers are u64be',
      context: 'coop/v1/example',
      fields: [0, 255, 4_294_967_296, Number.MAX_SAFE_INTEGER],
    },
  ];
  const base64url = [
    new Uint8Array(0),
    Uint8Array.of(0xfb),
    Uint8Array.of(0xfb, 0xff),
    Uint8Array.of(0xfb, 0xff, 0xbf),
    utf8('coop/v1'),
  ].map((bytes) => ({ hex: toHex(bytes), base64url: toBase64Url(bytes) }));
  write(
    'encoding',
    'encodeFields(context, fields) = UTF-8(context) ‖ 0x00 ‖ for each field: type (0x01 bytes, 0x02 UTF-8 string, 0x03 u64be number) ‖ u32be(length) ‖ value. base64url is RFC 4648 §5 without padding.',
    {
      cases: cases.map(({ name, context, fields }) => ({
        name,
        context,
        fields: fieldsJson(fields),
        encoded: toHex(encodeFields(context, fields)),
      })),
      base64url,
      invalidBase64url: [
        { text: 'AAA=', reason: 'padding' },
        { text: 'A', reason: 'impossible length' },
        { text: 'AB', reason: 'non-zero trailing bits' },
        { text: 'a+b/', reason: 'standard alphabet' },
        { text: 'AA A', reason: 'whitespace' },
      ],
    },
  );
}

async function randomVectors(): Promise<void> {
  const run = await seeded('coop/v1/vectors/random', async () => [
    randomBytes(32),
    randomBytes(24),
    randomBytes(16),
    randomBytes(1),
  ]);
  write('random', `The deterministic test source behind every other vector. ${RANDOMNESS}`, {
    seedLabel: run.seedLabel,
    seedRule: 'seed = BLAKE2b-256(no key, UTF-8(seedLabel))',
    seed: run.seed,
    draws: run.draws,
  });
}

async function accountKeyVectors(): Promise<void> {
  const cases = [];
  for (const label of ['coop/v1/vectors/alice', 'coop/v1/vectors/bob']) {
    const run = await seeded(label, generateAccountKeys);
    cases.push({
      seedLabel: run.seedLabel,
      seed: run.seed,
      draws: run.draws,
      keys: {
        ...keysJson(run.result),
        signingSecretKey: toHex(run.result.signing.secretKey),
      },
    });
  }
  write(
    'account-keys',
    `generateAccountKeys(): draw 0 (32 bytes) is the X25519 seed for crypto_box_seed_keypair, draw 1 (32 bytes) the Ed25519 seed for crypto_sign_seed_keypair. ${RANDOMNESS}`,
    { cases },
  );
}

async function keyRecordVectors(): Promise<void> {
  const cases = [];
  for (const [label, userId, generation] of [
    ['coop/v1/vectors/alice', ALICE, 1],
    ['coop/v1/vectors/bob', BOB, 3],
  ] as const) {
    const keys = await keysFor(label);
    const record = await createKeyRecord(keys, { userId, generation, createdAt: CREATED_AT });
    const signedFields: Field[] = [
      userId,
      generation,
      keys.encryption.publicKey,
      keys.signing.publicKey,
      CREATED_AT,
    ];
    const fingerprintMessage = encodeFields('coop/v1/fingerprint', [
      keys.signing.publicKey,
      keys.encryption.publicKey,
    ]);
    cases.push({
      keysSeedLabel: label,
      keys: keysJson(keys),
      userId,
      generation,
      createdAt: CREATED_AT,
      signedMessage: toHex(encodeFields('coop/v1/key-record', signedFields)),
      record,
      fingerprintMessage: toHex(fingerprintMessage),
      fingerprint: await fingerprint(record),
    });
  }
  const good = cases[0].record;
  const other = cases[1].record;
  const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
  const invalid = [
    { reason: 'version 2', record: { ...good, v: 2 } },
    { reason: 'signature altered', record: { ...good, signature: flip(good.signature) } },
    { reason: 'userId altered', record: { ...good, userId: BOB } },
    { reason: 'generation altered', record: { ...good, generation: 2 } },
    { reason: 'createdAt altered', record: { ...good, createdAt: '2025-01-15T09:30:01.000Z' } },
    { reason: 'encryption key swapped', record: { ...good, encryptionKey: other.encryptionKey } },
    { reason: 'signing key swapped', record: { ...good, signingKey: other.signingKey } },
    { reason: 'key 31 bytes', record: { ...good, encryptionKey: good.encryptionKey.slice(0, 42) } },
    { reason: 'generation 0', record: { ...good, generation: 0 } },
    { reason: 'unknown field', record: { ...good, extra: true } },
    { reason: 'missing field', record: { ...good, createdAt: undefined } },
  ].map(({ reason, record }) => ({ reason, record: JSON.parse(JSON.stringify(record)) }));
  write(
    'key-record',
    "createKeyRecord / verifyKeyRecord / fingerprint. signature = Ed25519(signing key, encodeFields('coop/v1/key-record', [userId, generation, encryptionKey bytes, signingKey bytes, createdAt])); fingerprint = hex(BLAKE2b-256(no key, encodeFields('coop/v1/fingerprint', [signingKey bytes, encryptionKey bytes]))). Every record under `invalid` must be rejected.",
    { cases, invalid },
  );
}

async function recoveryKeyVectors(): Promise<void> {
  const cases = [];
  for (const label of ['coop/v1/vectors/recovery-1', 'coop/v1/vectors/recovery-2']) {
    const run = await seeded(label, generateRecoveryKey);
    const { secret, text } = run.result;
    cases.push({
      seedLabel: run.seedLabel,
      seed: run.seed,
      draws: run.draws,
      secret: toHex(secret),
      checksumMessage: toHex(encodeFields('coop/v1/recovery-key-checksum', [secret])),
      checksumDigest: toHex(
        blake2b(32, encodeFields('coop/v1/recovery-key-checksum', [secret]), null),
      ),
      text,
    });
  }
  const { text, secret } = cases[0];
  const compact = text.replace(/-/g, '');
  const typo = compact.slice(0, 10) + (compact[10] === 'X' ? 'Y' : 'X') + compact.slice(11);
  const swapped = compact.slice(0, 4) + compact[5] + compact[4] + compact.slice(6);
  const confusable = compact.replace(/1/g, 'l').replace(/0/g, 'O');
  write(
    'recovery-key',
    'Recovery key text: 52 Crockford base32 symbols of (secret ‖ 4 zero bits) + 4 symbols of checksum (first 20 bits of BLAKE2b-256(no key, encodeFields(\'coop/v1/recovery-key-checksum\', [secret]))), in groups of 4 joined by "-". Alphabet 0123456789ABCDEFGHJKMNPQRSTVWXYZ. Parsing ignores whitespace and dashes and case, reads I/L as 1 and O as 0.',
    {
      alphabet: '0123456789ABCDEFGHJKMNPQRSTVWXYZ',
      cases,
      parse: [
        { input: text, secret },
        { input: text.toLowerCase(), secret },
        { input: compact.match(/.{1,4}/g)?.join('  ') ?? '', secret },
        { input: ` ${confusable} `, secret, note: '1 written as l, 0 as O' },
        { input: typo, error: 'recovery_key_checksum' },
        ...(swapped === compact ? [] : [{ input: swapped, error: 'recovery_key_checksum' }]),
        { input: compact.slice(0, 55), error: 'invalid_recovery_key' },
        { input: `${compact.slice(0, 55)}U`, error: 'invalid_recovery_key' },
      ],
    },
  );
}

async function bundleVectors(): Promise<void> {
  const keys = await keysFor('coop/v1/vectors/alice');
  const generation = 1;
  const prfOutput = seedFromLabel('coop/v1/vectors/prf-output');
  const credentialId = 'AQIDBAUGBwgJCgsMDQ4PEA';
  const recoverySecret = seedFromLabel('coop/v1/vectors/recovery-secret');
  const passphrase = 'Rome Statute, art. 86 — général coopération';
  const argon = { opslimit: 2, memlimit: 67_108_864 };
  const plaintext = encodeFields('coop/v1/bundle-plaintext', [
    keys.encryption.secretKey,
    signingSeedOf(keys),
  ]);
  const cases = [];
  for (const kind of ['prf', 'recovery', 'passphrase'] as const) {
    const ids = { userId: ALICE, generation, ...(kind === 'prf' ? { credentialId } : {}) };
    const secret = kind === 'prf' ? prfOutput : kind === 'recovery' ? recoverySecret : passphrase;
    const run = await seeded(`coop/v1/vectors/bundle-${kind}`, () =>
      wrapBundle(keys, kind, secret, ids, { argon2id: argon }),
    );
    const record = run.result;
    const wrapId = record.wrapId;
    let kekKey: Uint8Array;
    let argonOutput: string | undefined;
    let kekMessage: Uint8Array;
    if (kind === 'prf') {
      kekKey = prfOutput;
      kekMessage = encodeFields('coop/v1/kek/prf', [ALICE, credentialId]);
    } else if (kind === 'recovery') {
      kekKey = recoverySecret;
      kekMessage = encodeFields('coop/v1/kek/recovery', [ALICE]);
    } else {
      const salt = Buffer.from(record.kdf?.salt ?? '', 'base64url');
      kekKey = await argon2id(
        32,
        utf8(passphrase.normalize('NFC')),
        salt,
        argon.opslimit,
        argon.memlimit,
      );
      argonOutput = toHex(kekKey);
      kekMessage = encodeFields('coop/v1/kek/passphrase', [ALICE]);
    }
    const nonce = Buffer.from(record.nonce, 'base64url');
    const ciphertext = Buffer.from(record.ciphertext, 'base64url');
    const kdf = record.kdf;
    const signedFields: Field[] = [
      ALICE,
      kind,
      wrapId,
      generation,
      new Uint8Array(nonce),
      new Uint8Array(ciphertext),
      kdf ? new Uint8Array(Buffer.from(kdf.salt, 'base64url')) : new Uint8Array(0),
      kdf?.opslimit ?? 0,
      kdf?.memlimit ?? 0,
    ];
    cases.push({
      kind,
      seedLabel: run.seedLabel,
      seed: run.seed,
      draws: run.draws,
      userId: ALICE,
      generation,
      ...(kind === 'prf' ? { credentialId, prfOutput: toHex(prfOutput) } : {}),
      ...(kind === 'recovery' ? { recoverySecret: toHex(recoverySecret) } : {}),
      ...(kind === 'passphrase'
        ? { passphrase, argon2id: { ...argon, algorithm: 'ARGON2ID13', output: argonOutput } }
        : {}),
      kekMessage: toHex(kekMessage),
      kek: toHex(blake2b(32, kekMessage, kekKey)),
      plaintext: toHex(plaintext),
      associatedData: toHex(encodeFields('coop/v1/bundle-wrap', [ALICE, kind, wrapId, generation])),
      signedMessage: toHex(encodeFields('coop/v1/bundle-wrap-record', signedFields)),
      record,
    });
  }
  write(
    'bundle',
    `wrapBundle / unwrapBundle for each kind, all for the account keys of account-keys.json case 0 (seed label coop/v1/vectors/alice). Draws in wrapBundle: passphrase only: salt (16); then nonce (24). ${RANDOMNESS}`,
    { keys: keysJson(keys), cases },
  );
}

async function safetyNumberVectors(): Promise<void> {
  const alice = await keysFor('coop/v1/vectors/alice');
  const bob = await keysFor('coop/v1/vectors/bob');
  const a = { userId: ALICE, signingKey: toBase64Url(alice.signing.publicKey) };
  const b = { userId: BOB, signingKey: toBase64Url(bob.signing.publicKey) };
  const firstRound = (party: typeof a) => {
    const key = Buffer.from(party.signingKey, 'base64url');
    return toHex(
      sha512(new Uint8Array(Buffer.concat([Buffer.of(0, 1), key, utf8(party.userId), key]))),
    );
  };
  write(
    'safety-number',
    'Per party: h = 0x0001 ‖ signingKey ‖ UTF-8(userId); 5200 times h = SHA-512(h ‖ signingKey); 30 digits = six 5-byte big-endian chunks of h, each mod 100000, zero-padded. safetyNumber = both 30-digit strings sorted and joined, in 12 groups of 5 separated by spaces. qrPayload = base64url(0x01 ‖ the two 32-byte prefixes of h sorted bytewise).',
    {
      cases: [
        {
          a,
          b,
          firstRoundA: firstRound(a),
          firstRoundB: firstRound(b),
          digitsA: await safetyNumberDigits(a),
          digitsB: await safetyNumberDigits(b),
          safetyNumber: await safetyNumber(a, b),
          qrPayload: await qrPayload(a, b),
        },
      ],
    },
  );
}

async function envelopeVectors(): Promise<void> {
  const alice = await keysFor('coop/v1/vectors/alice');
  const bob = await keysFor('coop/v1/vectors/bob');
  const bobRecord = await createKeyRecord(bob, {
    userId: BOB,
    generation: 3,
    createdAt: CREATED_AT,
  });
  const key = seedFromLabel('coop/v1/vectors/epoch-key');
  const context = { purpose: 'channel-epoch-key', channelId: CHANNEL, epoch: 4 };
  const envelope = await sealEnvelope(key, context, { userId: ALICE, keys: alice }, bobRecord);
  const signedMessage = encodeFields('coop/v1/envelope', [
    context.purpose,
    context.channelId,
    context.epoch,
    BOB,
    Buffer.from(envelope.recipientFingerprint, 'hex'),
    ALICE,
    new Uint8Array(Buffer.from(envelope.sealed, 'base64url')),
  ]);
  write(
    'envelope',
    "sealEnvelope / openEnvelope. sealed = crypto_box_seal(key, recipient X25519 key) is randomised inside libsodium, so this vector cannot be re-created byte for byte: open it with the recipient's keys and compare the key; the signature is deterministic given the envelope's fields: Ed25519(sender, encodeFields('coop/v1/envelope', [purpose, channelId, epoch, recipientUserId, recipientFingerprint bytes, senderUserId, sealed])).",
    {
      cases: [
        {
          sender: { userId: ALICE, keysSeedLabel: 'coop/v1/vectors/alice', keys: keysJson(alice) },
          recipient: {
            userId: BOB,
            keysSeedLabel: 'coop/v1/vectors/bob',
            keys: keysJson(bob),
            record: bobRecord,
          },
          key: toHex(key),
          context,
          signedMessage: toHex(signedMessage),
          envelope,
        },
      ],
    },
  );
}

async function payloadVectors(): Promise<void> {
  const key = seedFromLabel('coop/v1/vectors/epoch-key');
  const inputs = [
    {
      plaintext: 'Request for arrest and surrender: status update',
      ad: {
        purpose: 'message',
        ids: [CHANNEL, '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f'],
        epoch: 4,
        sender: ALICE,
      },
    },
    {
      plaintext: '',
      ad: { purpose: 'draft', ids: ['questionnaire-2020', 'ARG'], epoch: 0, sender: BOB },
    },
  ];
  const cases = [];
  for (const [i, { plaintext, ad }] of inputs.entries()) {
    const run = await seeded(`coop/v1/vectors/payload-${i}`, () =>
      encryptPayload(key, plaintext, ad),
    );
    cases.push({
      seedLabel: run.seedLabel,
      seed: run.seed,
      draws: run.draws,
      key: toHex(key),
      plaintext,
      plaintextHex: toHex(utf8(plaintext)),
      ad,
      associatedData: toHex(payloadAd(ad)),
      payload: run.result,
    });
  }
  write(
    'payload',
    `encryptPayload / decryptPayload: XChaCha20-Poly1305-IETF, nonce = draw 0 (24 bytes), AD = encodeFields('coop/v1/payload/' + purpose, [...ids, epoch, sender]). ${RANDOMNESS}`,
    { cases },
  );
}

async function signatureVectors(): Promise<void> {
  const alice = await keysFor('coop/v1/vectors/alice');
  const fields: Field[] = [ALICE, 42, Uint8Array.of(0, 1, 2, 254, 255), 'état'];
  const context = 'coop/v1/example';
  const message = encodeFields(context, fields);
  write(
    'signature',
    'sign(context, fields, key) = Ed25519 (crypto_sign_detached) over encodeFields(context, fields). Ed25519 is deterministic, so the signature is reproducible.',
    {
      cases: [
        {
          keysSeedLabel: 'coop/v1/vectors/alice',
          signingSeed: toHex(signingSeedOf(alice)),
          signingPublicKey: toHex(alice.signing.publicKey),
          context,
          fields: fieldsJson(fields),
          message: toHex(message),
          signature: toHex(signDetached(message, alice.signing.secretKey)),
        },
      ],
    },
  );
}

function patterned(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => i % 251);
}

async function fileStreamVectors(): Promise<void> {
  const cases = [];
  for (const [name, length] of [
    ['empty', 0],
    ['short', 100],
    ['one full chunk', 65_536],
    ['two chunks', 65_537],
  ] as const) {
    const run = await seeded(`coop/v1/vectors/file-${length}`, async () => {
      const { key, chunks } = await encryptFileStream([patterned(length)]);
      const out: Uint8Array[] = [];
      for await (const chunk of chunks) out.push(chunk);
      return { key, out };
    });
    const ciphertext = Buffer.concat(run.result.out);
    cases.push({
      name,
      seedLabel: run.seedLabel,
      seed: run.seed,
      draws: run.draws,
      key: toHex(run.result.key),
      plaintextLength: length,
      plaintextBlake2b256: toHex(blake2b(32, patterned(length), null)),
      chunkLengths: run.result.out.map((chunk) => chunk.length),
      ciphertext: toBase64Url(new Uint8Array(ciphertext)),
    });
  }
  write(
    'file-stream',
    "encryptFileStream / decryptFileStream: crypto_secretstream_xchacha20poly1305 with the file key (draw 0, 32 bytes); header (24 bytes) then 64 KiB plaintext chunks, each +17 bytes, the last tagged FINAL (tag 3), the others MESSAGE (tag 0); no associated data. The header is libsodium's own randomness, so check by decrypting `ciphertext` with `key`: the plaintext has `plaintextLength` bytes where byte i = i mod 251.",
    { plaintextRule: 'byte i = i mod 251', cases },
  );
}

async function attestationVectors(): Promise<void> {
  const admin = await keysFor('coop/v1/vectors/alice');
  const subject = await keysFor('coop/v1/vectors/bob');
  const subjectPrint = await fingerprint({
    signingKey: subject.signing.publicKey,
    encryptionKey: subject.encryption.publicKey,
  });
  const adminPrint = await fingerprint({
    signingKey: admin.signing.publicKey,
    encryptionKey: admin.encryption.publicKey,
  });
  const statements = [
    {
      subjectUserId: BOB,
      stateCode: 'NLD',
      roles: ['focal_point'],
      fingerprint: subjectPrint,
      attesterUserId: ALICE,
      attesterFingerprint: adminPrint,
      attestedAt: CREATED_AT,
    },
    {
      subjectUserId: BOB,
      stateCode: null,
      roles: ['facilitator', 'registry_admin'],
      fingerprint: subjectPrint,
      attesterUserId: ALICE,
      attesterFingerprint: adminPrint,
      attestedAt: CREATED_AT,
    },
  ];
  const cases = [];
  for (const statement of statements) {
    const message = encodeFields('coop/v1/attestation', [
      statement.subjectUserId,
      statement.stateCode ?? '',
      statement.roles.length,
      ...statement.roles,
      Buffer.from(statement.fingerprint, 'hex'),
      statement.attesterUserId,
      Buffer.from(statement.attesterFingerprint, 'hex'),
      statement.attestedAt,
    ]);
    cases.push({
      attesterKeysSeedLabel: 'coop/v1/vectors/alice',
      attesterSigningPublicKey: toHex(admin.signing.publicKey),
      signedMessage: toHex(message),
      attestation: await createAttestation(statement, admin),
    });
  }
  write(
    'attestation',
    "createAttestation / verifyAttestation: Ed25519(attester, encodeFields('coop/v1/attestation', [subjectUserId, stateCode or '', roles.length, ...roles, fingerprint bytes, attesterUserId, attesterFingerprint bytes, attestedAt])).",
    { cases },
  );
}

async function main(): Promise<void> {
  await ready();
  mkdirSync(OUT, { recursive: true });
  await encodingVectors();
  await randomVectors();
  await accountKeyVectors();
  await keyRecordVectors();
  await recoveryKeyVectors();
  await bundleVectors();
  await safetyNumberVectors();
  await envelopeVectors();
  await payloadVectors();
  await signatureVectors();
  await fileStreamVectors();
  await attestationVectors();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
