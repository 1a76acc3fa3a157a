import fc from 'fast-check';
import vectors from '../../vectors/v1/bundle.json';
import { generateAccountKeys, signingSeedOf, type AccountKeys } from './account-keys';
import {
  ARGON2ID_LIMITS,
  BUNDLE_PLAINTEXT_CONTEXT,
  BUNDLE_WRAP_RECORD_CONTEXT,
  parseWrapRecord,
  unwrapBundle,
  verifyWrapRecord,
  wrapBundle,
  type BundleWrapV1,
  type WrapIds,
  type WrapKind,
} from './bundle';
import { encodeFields, fromBase64Url, fromHex, toBase64Url, toHex, utf8 } from './encoding';
import { createKeyRecord } from './key-record';
import { formatRecoverySecret } from './recovery-key';
import { signFields } from './signature';
import { aeadDecrypt, aeadEncrypt, argon2id, blake2b, ready } from './sodium';
import { flipBase64UrlBit, seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

const FAST = { opslimit: 2, memlimit: 67_108_864 };
const code = (expected: string) => expect.objectContaining({ code: expected });

async function keysFor(label: string): Promise<AccountKeys> {
  return (await withDeterministicRandom(seedFromLabel(label), generateAccountKeys)).result;
}

function hexOrNull(value: string | undefined): Uint8Array {
  if (value === undefined) throw new Error('vector field missing');
  return fromHex(value);
}

describe('bundle vectors', () => {
  let keys: AccountKeys;
  beforeAll(async () => {
    keys = await keysFor('coop/v1/vectors/alice');
  });

  it('uses the account keys of the alice vector', () => {
    expect(toHex(keys.signing.publicKey)).toBe(vectors.keys.signingPublicKey);
    expect(toHex(keys.encryption.secretKey)).toBe(vectors.keys.encryptionSecretKey);
    expect(toHex(signingSeedOf(keys))).toBe(vectors.keys.signingSeed);
  });

  it.each(vectors.cases)('reproduces the $kind wrap', async (vector) => {
    const kind = vector.kind as WrapKind;
    const ids: WrapIds = { userId: vector.userId, generation: vector.generation };
    if (vector.credentialId) ids.credentialId = vector.credentialId;
    const secret =
      kind === 'prf'
        ? hexOrNull(vector.prfOutput)
        : kind === 'recovery'
          ? hexOrNull(vector.recoverySecret)
          : (vector.passphrase ?? '');
    const { result, draws } = await withDeterministicRandom(seedFromLabel(vector.seedLabel), () =>
      wrapBundle(keys, kind, secret, ids, { argon2id: FAST }),
    );
    expect(draws).toEqual(vector.draws);
    expect(result).toEqual(vector.record);

    // The documented derivation, step by step, with libsodium primitives only.
    let kekKey: Uint8Array;
    if (kind === 'passphrase') {
      const salt = fromBase64Url(vector.record.kdf?.salt ?? '');
      kekKey = await argon2id(
        32,
        utf8(vector.passphrase ?? ''),
        salt,
        FAST.opslimit,
        FAST.memlimit,
      );
      expect(toHex(kekKey)).toBe(vector.argon2id?.output);
    } else {
      kekKey = secret as Uint8Array;
    }
    const context = `coop/v1/kek/${kind}`;
    const message = encodeFields(
      context,
      kind === 'prf' ? [vector.userId, vector.credentialId ?? ''] : [vector.userId],
    );
    expect(toHex(message)).toBe(vector.kekMessage);
    const kek = blake2b(32, message, kekKey);
    expect(toHex(kek)).toBe(vector.kek);
    const ad = encodeFields('coop/v1/bundle-wrap', [
      vector.userId,
      kind,
      vector.record.wrapId,
      vector.generation,
    ]);
    expect(toHex(ad)).toBe(vector.associatedData);
    const plaintext = aeadDecrypt(
      fromBase64Url(vector.record.ciphertext),
      ad,
      fromBase64Url(vector.record.nonce),
      kek,
    );
    expect(toHex(plaintext)).toBe(vector.plaintext);
    expect(toHex(plaintext)).toBe(
      toHex(
        encodeFields(BUNDLE_PLAINTEXT_CONTEXT, [keys.encryption.secretKey, signingSeedOf(keys)]),
      ),
    );
    const { kdf } = vector.record;
    const signed = encodeFields(BUNDLE_WRAP_RECORD_CONTEXT, [
      vector.userId,
      kind,
      vector.record.wrapId,
      vector.generation,
      fromBase64Url(vector.record.nonce),
      fromBase64Url(vector.record.ciphertext),
      kdf ? fromBase64Url(kdf.salt) : new Uint8Array(0),
      kdf?.opslimit ?? 0,
      kdf?.memlimit ?? 0,
    ]);
    expect(toHex(signed)).toBe(vector.signedMessage);

    await expect(
      verifyWrapRecord(
        vector.record,
        vector.userId,
        toBase64Url(fromHex(vectors.keys.signingPublicKey)),
      ),
    ).resolves.toBe(true);
    const opened = await unwrapBundle(
      vector.record,
      secret,
      ids,
      fromHex(vectors.keys.signingPublicKey),
    );
    expect(opened.signing.secretKey).toEqual(keys.signing.secretKey);
    expect(opened.encryption).toEqual(keys.encryption);
  });
});

describe('bundle wraps', () => {
  let keys: AccountKeys;
  let record: Awaited<ReturnType<typeof createKeyRecord>>;
  const prf = Uint8Array.from({ length: 32 }, (_, i) => i);
  const ids: WrapIds = { userId: 'user-1', generation: 1, credentialId: 'cred-1' };

  beforeAll(async () => {
    keys = await generateAccountKeys();
    record = await createKeyRecord(keys, { userId: 'user-1', generation: 1 });
  });

  it('round-trips PRF and recovery wraps for any keys, secrets and ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<WrapKind>('prf', 'recovery'),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (kind, secret, userId, credentialId, generation) => {
          const wrapIds = { userId, generation, credentialId };
          const wrap = await wrapBundle(keys, kind, secret, wrapIds);
          expect(wrap.wrapId).toBe(kind === 'prf' ? credentialId : 'recovery');
          await expect(verifyWrapRecord(wrap, userId, record.signingKey)).resolves.toBe(true);
          const opened = await unwrapBundle(wrap, secret, wrapIds, record);
          expect(opened.signing.secretKey).toEqual(keys.signing.secretKey);
          expect(opened.encryption.secretKey).toEqual(keys.encryption.secretKey);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('accepts the recovery key as the text the user typed', async () => {
    const secret = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
    const wrap = await wrapBundle(keys, 'recovery', formatRecoverySecret(secret), ids);
    const typed = formatRecoverySecret(secret).toLowerCase().replace(/-/g, ' ');
    await expect(unwrapBundle(wrap, typed, ids, record.signingKey)).resolves.toBeDefined();
    await expect(unwrapBundle(wrap, secret, ids, record.signingKey)).resolves.toBeDefined();
  });

  it('rejects any flipped bit in the signed fields', async () => {
    const wrap = await wrapBundle(keys, 'prf', prf, ids);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('nonce', 'ciphertext', 'signature'),
        fc.nat(),
        async (name, bit) => {
          const tampered = { ...wrap, [name]: flipBase64UrlBit(wrap[name], bit) };
          await expect(verifyWrapRecord(tampered, ids.userId, record.signingKey)).resolves.toBe(
            false,
          );
          await expect(unwrapBundle(tampered, prf, ids, record)).rejects.toMatchObject(
            code('invalid_signature'),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects a wrap moved to another user, kind, passkey or generation', async () => {
    const wrap = await wrapBundle(keys, 'prf', prf, ids);
    const other = await wrapBundle(keys, 'prf', prf, { ...ids, credentialId: 'cred-2' });
    const recovery = await wrapBundle(keys, 'recovery', prf, ids);
    await expect(verifyWrapRecord(wrap, 'user-2', record.signingKey)).resolves.toBe(false);
    await expect(
      unwrapBundle(wrap, prf, { ...ids, userId: 'user-2' }, record),
    ).rejects.toMatchObject(code('invalid_signature'));
    await expect(
      unwrapBundle(wrap, prf, { ...ids, credentialId: 'cred-2' }, record),
    ).rejects.toMatchObject(code('context_mismatch'));
    await expect(unwrapBundle(wrap, prf, { ...ids, generation: 2 }, record)).rejects.toMatchObject(
      code('context_mismatch'),
    );
    const swaps: Partial<BundleWrapV1>[] = [
      { wrapId: other.wrapId },
      { nonce: other.nonce },
      { ciphertext: other.ciphertext },
      { signature: other.signature },
      { kind: 'recovery', wrapId: 'recovery' },
      { ciphertext: recovery.ciphertext, nonce: recovery.nonce },
      { generation: 2 },
    ];
    for (const swap of swaps) {
      const tampered = { ...wrap, ...swap };
      await expect(verifyWrapRecord(tampered, ids.userId, record.signingKey)).resolves.toBe(false);
      await expect(
        unwrapBundle(
          tampered,
          prf,
          { ...ids, generation: tampered.generation, credentialId: tampered.wrapId },
          record,
        ),
      ).rejects.toMatchObject(code('invalid_signature'));
    }
  });

  it('fails to decrypt with the wrong secret, and refuses keys that are not the expected ones', async () => {
    const wrap = await wrapBundle(keys, 'prf', prf, ids);
    await expect(
      unwrapBundle(
        wrap,
        prf.map((b) => b ^ 1),
        ids,
        record,
      ),
    ).rejects.toMatchObject(code('decryption_failed'));
    const mallory = await generateAccountKeys();
    await expect(unwrapBundle(wrap, prf, ids, mallory.signing.publicKey)).rejects.toMatchObject(
      code('invalid_signature'),
    );
    // Someone else re-signs this user's ciphertext: it decrypts, but to keys that are not theirs.
    const decoded = parseWrapRecord(wrap);
    const resigned = {
      ...wrap,
      signature: toBase64Url(
        signFields(
          BUNDLE_WRAP_RECORD_CONTEXT,
          [
            ids.userId,
            'prf',
            wrap.wrapId,
            1,
            decoded.nonce,
            decoded.ciphertext,
            new Uint8Array(0),
            0,
            0,
          ],
          mallory.signing.secretKey,
        ),
      ),
    };
    await expect(unwrapBundle(resigned, prf, ids, mallory.signing.publicKey)).rejects.toMatchObject(
      code('key_mismatch'),
    );
    const otherRecord = await createKeyRecord(mallory, { userId: 'user-1', generation: 1 });
    await expect(
      unwrapBundle(wrap, prf, ids, {
        signingKey: record.signingKey,
        encryptionKey: otherRecord.encryptionKey,
      }),
    ).rejects.toMatchObject(code('key_mismatch'));
  });

  it('refuses a bundle whose plaintext is not two 32-byte secrets', async () => {
    const kek = blake2b(32, encodeFields('coop/v1/kek/prf', [ids.userId, 'cred-1']), prf);
    const nonce = new Uint8Array(24);
    const bogus = encodeFields(BUNDLE_PLAINTEXT_CONTEXT, ['x'.repeat(32), new Uint8Array(32)]);
    const ad = encodeFields('coop/v1/bundle-wrap', [ids.userId, 'prf', 'cred-1', 1]);
    const ciphertext = aeadEncrypt(bogus, ad, nonce, kek);
    const signature = signFields(
      BUNDLE_WRAP_RECORD_CONTEXT,
      [ids.userId, 'prf', 'cred-1', 1, nonce, ciphertext, new Uint8Array(0), 0, 0],
      keys.signing.secretKey,
    );
    const wrap = {
      v: 1,
      kind: 'prf',
      wrapId: 'cred-1',
      generation: 1,
      nonce: toBase64Url(nonce),
      ciphertext: toBase64Url(ciphertext),
      signature: toBase64Url(signature),
    };
    await expect(unwrapBundle(wrap, prf, ids, record)).rejects.toMatchObject(
      code('invalid_record'),
    );
  });

  it('checks the record shape before anything else', async () => {
    const wrap = await wrapBundle(keys, 'recovery', prf, ids);
    const bad: [unknown, string][] = [
      [{ ...wrap, v: 2 }, 'unsupported_version'],
      [{ ...wrap, kind: 'password' }, 'invalid_record'],
      [{ ...wrap, wrapId: 'cred-1' }, 'invalid_record'],
      [{ ...wrap, generation: 0 }, 'invalid_record'],
      [{ ...wrap, extra: 1 }, 'invalid_record'],
      [{ ...wrap, nonce: wrap.nonce.slice(0, 30) }, 'invalid_record'],
      [{ ...wrap, ciphertext: wrap.ciphertext.slice(4) }, 'invalid_record'],
      [
        { ...wrap, kdf: { salt: 'AAAAAAAAAAAAAAAAAAAAAA', opslimit: 2, memlimit: 67_108_864 } },
        'invalid_record',
      ],
    ];
    for (const [value, expected] of bad) {
      await expect(unwrapBundle(value, prf, ids, record)).rejects.toMatchObject(code(expected));
      await expect(verifyWrapRecord(value, ids.userId, record.signingKey)).resolves.toBe(false);
    }
    await expect(verifyWrapRecord(wrap, ids.userId, 'not a key')).resolves.toBe(false);
    await expect(verifyWrapRecord(wrap, '', record.signingKey)).resolves.toBe(false);
  });

  it('checks its inputs', async () => {
    const bad: [WrapKind, Uint8Array | string, WrapIds][] = [
      ['prf', prf, { ...ids, credentialId: undefined }],
      ['prf', prf.slice(1), ids],
      ['prf', 'text', ids],
      ['recovery', prf.slice(1), ids],
      ['passphrase', prf, ids],
      ['passphrase', '', ids],
      ['prf', prf, { ...ids, userId: '' }],
      ['prf', prf, { ...ids, generation: 0 }],
      ['other' as WrapKind, prf, ids],
    ];
    for (const [kind, secret, wrapIds] of bad) {
      await expect(wrapBundle(keys, kind, secret, wrapIds)).rejects.toMatchObject(
        code('invalid_input'),
      );
    }
    await expect(unwrapBundle({}, prf, ids, 'short')).rejects.toMatchObject(code('invalid_input'));
    await expect(
      wrapBundle(
        { ...keys, encryption: { ...keys.encryption, secretKey: new Uint8Array(3) } },
        'prf',
        prf,
        ids,
      ),
    ).rejects.toMatchObject(code('invalid_input'));
  });
});

describe('passphrase wraps', () => {
  let keys: AccountKeys;
  let wrap: BundleWrapV1;
  const ids: WrapIds = { userId: 'user-1', generation: 1 };
  // "é" composed and decomposed: the same passphrase to a person.
  const composed = 'caf\u00e9 au lait, s’il vous plaît';
  const decomposed = 'cafe\u0301 au lait, s’il vous plaît';

  beforeAll(async () => {
    keys = await generateAccountKeys();
    wrap = await wrapBundle(keys, 'passphrase', composed, ids, { argon2id: FAST });
  });

  it('stores its Argon2id parameters and a fresh salt, and opens with the same passphrase', async () => {
    expect(wrap.kdf).toMatchObject(FAST);
    expect(fromBase64Url(wrap.kdf?.salt ?? '')).toHaveLength(16);
    const opened = await unwrapBundle(wrap, decomposed, ids, keys.signing.publicKey);
    expect(opened.signing.secretKey).toEqual(keys.signing.secretKey);
    await expect(
      unwrapBundle(wrap, 'cafe au lait', ids, keys.signing.publicKey),
    ).rejects.toMatchObject(code('decryption_failed'));
  });

  it('rejects a changed salt or cost, and costs out of range', async () => {
    const kdf = wrap.kdf ?? { salt: '', opslimit: 0, memlimit: 0 };
    const changed = [
      { ...kdf, salt: flipBase64UrlBit(kdf.salt, 3) },
      { ...kdf, opslimit: 3 },
    ];
    for (const value of changed) {
      await expect(
        unwrapBundle({ ...wrap, kdf: value }, composed, ids, keys.signing.publicKey),
      ).rejects.toMatchObject(code('invalid_signature'));
    }
    for (const value of [
      { ...kdf, opslimit: 1 },
      { ...kdf, memlimit: 2 ** 31 },
    ]) {
      await expect(
        unwrapBundle({ ...wrap, kdf: value }, composed, ids, keys.signing.publicKey),
      ).rejects.toMatchObject(code('invalid_kdf_parameters'));
    }
    for (const value of [undefined, null, [], { ...kdf, extra: 1 }, { ...kdf, salt: 'AAAA' }]) {
      await expect(
        unwrapBundle({ ...wrap, kdf: value }, composed, ids, keys.signing.publicKey),
      ).rejects.toMatchObject(code('invalid_record'));
    }
    await expect(
      wrapBundle(keys, 'passphrase', composed, ids, {
        argon2id: { opslimit: 1, memlimit: ARGON2ID_LIMITS.memlimit.min },
      }),
    ).rejects.toMatchObject(code('invalid_kdf_parameters'));
    await expect(
      wrapBundle(keys, 'passphrase', composed, ids, {
        argon2id: { opslimit: 2, memlimit: ARGON2ID_LIMITS.memlimit.max + 1 },
      }),
    ).rejects.toMatchObject(code('invalid_kdf_parameters'));
  });
});
