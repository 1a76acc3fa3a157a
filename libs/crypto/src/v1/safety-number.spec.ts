import fc from 'fast-check';
import vectors from '../../vectors/v1/safety-number.json';
import { concatBytes, fromBase64Url, toBase64Url, toHex, utf8 } from './encoding';
import {
  compareQrPayload,
  qrPayload,
  safetyNumber,
  safetyNumberDigits,
  type SafetyParty,
} from './safety-number';
import { ready, sha512 } from './sodium';
import { flipBit } from './testing';

beforeAll(ready);

const GROUPS = /^(\d{5} ){11}\d{5}$/;

describe('safety numbers', () => {
  it.each(vectors.cases)('reproduces the vector', async (vector) => {
    for (const [party, firstRound] of [
      [vector.a, vector.firstRoundA],
      [vector.b, vector.firstRoundB],
    ] as const) {
      const key = fromBase64Url(party.signingKey);
      const start = concatBytes(Uint8Array.of(0, 1), key, utf8(party.userId), key);
      expect(toHex(sha512(start))).toBe(firstRound);
    }
    await expect(safetyNumberDigits(vector.a)).resolves.toBe(vector.digitsA);
    await expect(safetyNumberDigits(vector.b)).resolves.toBe(vector.digitsB);
    await expect(safetyNumber(vector.a, vector.b)).resolves.toBe(vector.safetyNumber);
    await expect(safetyNumber(vector.b, vector.a)).resolves.toBe(vector.safetyNumber);
    await expect(qrPayload(vector.a, vector.b)).resolves.toBe(vector.qrPayload);
    await expect(compareQrPayload(vector.qrPayload, vector.b, vector.a)).resolves.toBe(true);
  });

  const party: fc.Arbitrary<SafetyParty> = fc.record({
    userId: fc.string({ minLength: 1, maxLength: 36 }),
    signingKey: fc.uint8Array({ minLength: 32, maxLength: 32 }),
  });

  it('is the same from both sides and differs when any key or id differs', async () => {
    await fc.assert(
      fc.asyncProperty(party, party, fc.nat(), async (a, b, bit) => {
        const number = await safetyNumber(a, b);
        expect(number).toMatch(GROUPS);
        await expect(safetyNumber(b, a)).resolves.toBe(number);
        const payload = await qrPayload(a, b);
        await expect(compareQrPayload(payload, b, a)).resolves.toBe(true);
        const key = a.signingKey as Uint8Array;
        const changedKey = { ...a, signingKey: flipBit(key, bit) };
        const changedId = { ...a, userId: `${a.userId}.` };
        for (const changed of [changedKey, changedId]) {
          await expect(compareQrPayload(payload, changed, b)).resolves.toBe(false);
          await expect(safetyNumber(changed, b)).resolves.not.toBe(number);
        }
      }),
      { numRuns: 5 },
    );
  });

  it('rejects scanned payloads that are not exactly right', async () => {
    const [{ a, b, qrPayload: payload }] = vectors.cases;
    const bytes = fromBase64Url(payload);
    for (const bad of [
      'not base64!',
      '',
      toBase64Url(bytes.slice(1)),
      toBase64Url(Uint8Array.of(2, ...bytes.slice(1))),
      toBase64Url(flipBit(bytes, 300)),
    ]) {
      await expect(compareQrPayload(bad, a, b)).resolves.toBe(false);
    }
    await expect(safetyNumber({ ...a, signingKey: 'AAAA' }, b)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(safetyNumber({ ...a, userId: '' }, b)).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
