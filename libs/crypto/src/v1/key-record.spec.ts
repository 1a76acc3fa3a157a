import fc from 'fast-check';
import vectors from '../../vectors/v1/key-record.json';
import { generateAccountKeys, type AccountKeys } from './account-keys';
import { encodeFields, fromBase64Url, fromHex, toBase64Url, toHex } from './encoding';
import {
  createKeyRecord,
  fingerprint,
  readKeyRecord,
  verifyKeyRecord,
  type KeyRecordV1,
} from './key-record';
import { ready } from './sodium';
import { flipBase64UrlBit, seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

async function keysFor(label: string): Promise<AccountKeys> {
  return (await withDeterministicRandom(seedFromLabel(label), generateAccountKeys)).result;
}

const code = (expected: string) => expect.objectContaining({ code: expected });

describe('key records', () => {
  it.each(vectors.cases)('reproduces the record of $userId', async (vector) => {
    const keys = await keysFor(vector.keysSeedLabel);
    expect(toHex(keys.signing.publicKey)).toBe(vector.keys.signingPublicKey);
    const record = await createKeyRecord(keys, {
      userId: vector.userId,
      generation: vector.generation,
      createdAt: vector.createdAt,
    });
    expect(record).toEqual(vector.record);
    const signed = encodeFields('coop/v1/key-record', [
      vector.userId,
      vector.generation,
      fromHex(vector.keys.encryptionPublicKey),
      fromHex(vector.keys.signingPublicKey),
      vector.createdAt,
    ]);
    expect(toHex(signed)).toBe(vector.signedMessage);
    await expect(verifyKeyRecord(vector.record)).resolves.toBe(true);
    const print = encodeFields('coop/v1/fingerprint', [
      fromHex(vector.keys.signingPublicKey),
      fromHex(vector.keys.encryptionPublicKey),
    ]);
    expect(toHex(print)).toBe(vector.fingerprintMessage);
    await expect(fingerprint(vector.record)).resolves.toBe(vector.fingerprint);
  });

  it.each(vectors.invalid)('rejects the vector record with $reason', async ({ record }) => {
    await expect(verifyKeyRecord(record)).resolves.toBe(false);
  });

  describe('tampering', () => {
    let keys: AccountKeys;
    let record: KeyRecordV1;
    let other: KeyRecordV1;

    beforeAll(async () => {
      keys = await generateAccountKeys();
      record = await createKeyRecord(keys, { userId: 'user-a', generation: 2 });
      other = await createKeyRecord(await generateAccountKeys(), {
        userId: 'user-b',
        generation: 2,
      });
    });

    it('rejects any flipped bit in any field', async () => {
      const binary = ['encryptionKey', 'signingKey', 'signature'] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...binary, 'userId', 'createdAt', 'generation'),
          fc.nat(),
          async (name, bit) => {
            let tampered: Record<string, unknown>;
            if (name === 'generation')
              tampered = { ...record, generation: record.generation + 1 + (bit % 5) };
            else if (name === 'userId')
              tampered = { ...record, userId: `${record.userId}${bit % 10}` };
            else if (name === 'createdAt')
              tampered = { ...record, createdAt: '2030-01-01T00:00:00.000Z' };
            else tampered = { ...record, [name]: flipBase64UrlBit(record[name], bit) };
            await expect(verifyKeyRecord(tampered)).resolves.toBe(false);
          },
        ),
        { numRuns: 200 },
      );
    });

    it('rejects fields swapped in from another record', async () => {
      for (const name of ['userId', 'encryptionKey', 'signingKey', 'signature'] as const) {
        await expect(verifyKeyRecord({ ...record, [name]: other[name] })).resolves.toBe(false);
      }
    });

    it('names the reason when reading', async () => {
      await expect(readKeyRecord({ ...record, v: 2 })).rejects.toMatchObject(
        code('unsupported_version'),
      );
      await expect(readKeyRecord({ ...record, signature: other.signature })).rejects.toMatchObject(
        code('invalid_signature'),
      );
      for (const bad of [null, [], 'record', { ...record, createdAt: 'yesterday' }]) {
        await expect(readKeyRecord(bad)).rejects.toMatchObject(code('invalid_record'));
      }
      await expect(readKeyRecord({ ...record, encryptionKey: 7 })).rejects.toMatchObject(
        code('invalid_record'),
      );
      const decoded = await readKeyRecord(record);
      expect(decoded.encryptionKey).toEqual(keys.encryption.publicKey);
    });
  });

  it('checks what it signs', async () => {
    const keys = await generateAccountKeys();
    const at = new Date('2025-02-01T10:00:00Z');
    await expect(
      createKeyRecord(keys, { userId: 'u', generation: 1, createdAt: at }),
    ).resolves.toMatchObject({
      createdAt: '2025-02-01T10:00:00.000Z',
    });
    const now = await createKeyRecord(keys, { userId: 'u', generation: 1 });
    expect(Math.abs(Date.parse(now.createdAt) - Date.now())).toBeLessThan(60_000);
    const offset = await createKeyRecord(keys, {
      userId: 'u',
      generation: 1,
      createdAt: '2025-02-01T12:00:00+02:00',
    });
    await expect(verifyKeyRecord(offset)).resolves.toBe(true);
    for (const params of [
      { userId: '', generation: 1 },
      { userId: 'u', generation: 0 },
      { userId: 'u', generation: 1.5 },
      { userId: 'u', generation: 1, createdAt: '2025-02-01' },
      { userId: 'u', generation: 1, createdAt: '2025-13-45T99:99:99Z' },
    ]) {
      await expect(createKeyRecord(keys, params)).rejects.toMatchObject(code('invalid_input'));
    }
  });

  it('fingerprints keys given as bytes or base64url, and nothing else', async () => {
    const keys = await generateAccountKeys();
    const record = await createKeyRecord(keys, { userId: 'u', generation: 1 });
    const fromBytes = await fingerprint({
      signingKey: keys.signing.publicKey,
      encryptionKey: keys.encryption.publicKey,
    });
    expect(fromBytes).toMatch(/^[0-9a-f]{64}$/);
    await expect(fingerprint(record)).resolves.toBe(fromBytes);
    await expect(
      fingerprint({ signingKey: record.encryptionKey, encryptionKey: record.signingKey }),
    ).resolves.not.toBe(fromBytes);
    await expect(
      fingerprint({
        signingKey: toBase64Url(new Uint8Array(31)),
        encryptionKey: record.encryptionKey,
      }),
    ).rejects.toMatchObject(code('invalid_input'));
    await expect(
      fingerprint({
        signingKey: fromBase64Url(record.signingKey).slice(1),
        encryptionKey: record.encryptionKey,
      }),
    ).rejects.toMatchObject(code('invalid_input'));
  });
});
