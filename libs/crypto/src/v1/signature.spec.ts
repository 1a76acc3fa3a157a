import fc from 'fast-check';
import vectors from '../../vectors/v1/signature.json';
import { encodeFields, fromHex, toHex, type Field } from './encoding';
import { signFields, verifyFields } from './signature';
import { ready, signSeedKeypair } from './sodium';
import { fieldFromJson, flipBit } from './testing';

beforeAll(ready);

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.string({ maxLength: 20 }),
  fc.maxSafeNat(),
);

describe('signatures', () => {
  it.each(vectors.cases)('reproduces the vector over $context', (vector) => {
    const pair = signSeedKeypair(fromHex(vector.signingSeed));
    expect(toHex(pair.publicKey)).toBe(vector.signingPublicKey);
    const fields = vector.fields.map(fieldFromJson);
    expect(toHex(encodeFields(vector.context, fields))).toBe(vector.message);
    const signature = signFields(vector.context, fields, pair.secretKey);
    expect(toHex(signature)).toBe(vector.signature);
    expect(verifyFields(vector.context, fields, signature, pair.publicKey)).toBe(true);
  });

  it('verifies what it signs, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(field, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        (seed, fields, bit) => {
          const { publicKey, secretKey } = signSeedKeypair(seed);
          const signature = signFields('coop/v1/test', fields, secretKey);
          expect(verifyFields('coop/v1/test', fields, signature, publicKey)).toBe(true);
          expect(verifyFields('coop/v1/other', fields, signature, publicKey)).toBe(false);
          expect(verifyFields('coop/v1/test', fields, flipBit(signature, bit), publicKey)).toBe(
            false,
          );
          expect(verifyFields('coop/v1/test', [...fields, 0], signature, publicKey)).toBe(false);
          const other = signSeedKeypair(flipBit(seed, bit)).publicKey;
          expect(verifyFields('coop/v1/test', fields, signature, other)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects keys and signatures of the wrong size', () => {
    const { publicKey, secretKey } = signSeedKeypair(new Uint8Array(32));
    const signature = signFields('coop/v1/t', [], secretKey);
    expect(verifyFields('coop/v1/t', [], signature.slice(1), publicKey)).toBe(false);
    expect(verifyFields('coop/v1/t', [], signature, publicKey.slice(1))).toBe(false);
    expect(() => signFields('coop/v1/t', [], secretKey.slice(0, 32))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
