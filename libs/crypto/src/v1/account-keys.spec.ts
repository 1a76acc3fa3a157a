import fc from 'fast-check';
import vectors from '../../vectors/v1/account-keys.json';
import {
  accountKeysFromSecrets,
  generateAccountKeys,
  signingSeedOf,
  wipeAccountKeys,
} from './account-keys';
import { toHex } from './encoding';
import { boxSeedKeypair, ready } from './sodium';
import { seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

describe('account keys', () => {
  it.each(vectors.cases)('reproduces the keys of $seedLabel', async (vector) => {
    const { result: keys, draws } = await withDeterministicRandom(
      seedFromLabel(vector.seedLabel),
      generateAccountKeys,
    );
    expect(draws).toEqual(vector.draws);
    expect({
      encryptionPublicKey: toHex(keys.encryption.publicKey),
      encryptionSecretKey: toHex(keys.encryption.secretKey),
      signingPublicKey: toHex(keys.signing.publicKey),
      signingSeed: toHex(signingSeedOf(keys)),
      signingSecretKey: toHex(keys.signing.secretKey),
    }).toEqual(vector.keys);
  });

  it('generates fresh keys of the right sizes', async () => {
    const a = await generateAccountKeys();
    const b = await generateAccountKeys();
    expect(a.encryption.publicKey).toHaveLength(32);
    expect(a.encryption.secretKey).toHaveLength(32);
    expect(a.signing.publicKey).toHaveLength(32);
    expect(a.signing.secretKey).toHaveLength(64);
    expect(toHex(a.signing.publicKey)).not.toBe(toHex(b.signing.publicKey));
  });

  it('rebuilds both key pairs from what the bundle stores', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (encryptionSeed, signingSeed) => {
          const encryption = boxSeedKeypair(encryptionSeed);
          const keys = accountKeysFromSecrets(encryption.secretKey, signingSeed);
          expect(keys.encryption.publicKey).toEqual(encryption.publicKey);
          expect(signingSeedOf(keys)).toEqual(signingSeed);
        },
      ),
      { numRuns: 30 },
    );
    expect(() => accountKeysFromSecrets(new Uint8Array(31), new Uint8Array(32))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('wipes the secret halves', async () => {
    const keys = await generateAccountKeys();
    wipeAccountKeys(keys);
    expect(keys.encryption.secretKey.every((byte) => byte === 0)).toBe(true);
    expect(keys.signing.secretKey.every((byte) => byte === 0)).toBe(true);
  });
});
