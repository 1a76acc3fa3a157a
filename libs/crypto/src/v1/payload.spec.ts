import fc from 'fast-check';
import vectors from '../../vectors/v1/payload.json';
import { fromBase64Url, fromHex, toBase64Url, toHex, utf8 } from './encoding';
import {
  decryptPayload,
  encryptPayload,
  payloadAd,
  type PayloadAd,
  type PayloadV1,
} from './payload';
import { ready } from './sodium';
import { flipBase64UrlBit, seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

const code = (expected: string) => expect.objectContaining({ code: expected });
const id = fc.string({ minLength: 1, maxLength: 24 });
const adArbitrary: fc.Arbitrary<PayloadAd> = fc.record({
  purpose: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  ids: fc.array(id, { minLength: 1, maxLength: 4 }),
  epoch: fc.nat(),
  sender: id,
});

describe('payload vectors', () => {
  it.each(vectors.cases)('reproduces $seedLabel', async (vector) => {
    const key = fromHex(vector.key);
    const { result, draws } = await withDeterministicRandom(seedFromLabel(vector.seedLabel), () =>
      encryptPayload(key, vector.plaintext, vector.ad),
    );
    expect(draws).toEqual(vector.draws);
    expect(result).toEqual(vector.payload);
    expect(toHex(payloadAd(vector.ad))).toBe(vector.associatedData);
    expect(toHex(await decryptPayload(key, vector.payload, vector.ad))).toBe(vector.plaintextHex);
  });
});

describe('payloads', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

  it('round-trip any plaintext under any associated data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), adArbitrary, async (plaintext, ad) => {
        const payload = await encryptPayload(key, plaintext, ad);
        expect(fromBase64Url(payload.nonce)).toHaveLength(24);
        expect(fromBase64Url(payload.ciphertext)).toHaveLength(plaintext.length + 16);
        await expect(decryptPayload(key, payload, { ...ad, ids: [...ad.ids] })).resolves.toEqual(
          plaintext,
        );
      }),
    );
  });

  it('fail under any other purpose, ids, epoch, sender or key', async () => {
    await fc.assert(
      fc.asyncProperty(adArbitrary, fc.nat(7), async (ad, which) => {
        const payload = await encryptPayload(key, 'marker', ad);
        const wrong: PayloadAd[] = [
          { ...ad, purpose: `${ad.purpose}-x` },
          { ...ad, ids: [...ad.ids, 'x'] },
          { ...ad, ids: [`${ad.ids[0]}x`, ...ad.ids.slice(1)] },
          { ...ad, ids: ad.ids.length > 1 ? ad.ids.slice(0, -1) : [...ad.ids, ...ad.ids] },
          { ...ad, epoch: ad.epoch + 1 },
          { ...ad, sender: `${ad.sender}x` },
          { ...ad, ids: [...ad.ids, ad.sender], sender: 'x' },
          { ...ad, ids: [...ad.ids].reverse(), sender: `${ad.sender}y` },
        ];
        await expect(decryptPayload(key, payload, wrong[which])).rejects.toMatchObject(
          code('decryption_failed'),
        );
        await expect(
          decryptPayload(
            key.map((b) => b ^ 1),
            payload,
            ad,
          ),
        ).rejects.toMatchObject(code('decryption_failed'));
      }),
    );
  });

  it('fail on any flipped bit or swapped nonce', async () => {
    const ad = { purpose: 'message', ids: ['c', 'm'], epoch: 1, sender: 'u' };
    const payload = await encryptPayload(key, 'Hello, The Hague', ad);
    const other = await encryptPayload(key, 'Hello, The Hague', ad);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('nonce', 'ciphertext'), fc.nat(), async (name, bit) => {
        const tampered: PayloadV1 = { ...payload, [name]: flipBase64UrlBit(payload[name], bit) };
        await expect(decryptPayload(key, tampered, ad)).rejects.toMatchObject(
          code('decryption_failed'),
        );
      }),
    );
    await expect(decryptPayload(key, { ...payload, nonce: other.nonce }, ad)).rejects.toMatchObject(
      code('decryption_failed'),
    );
    await expect(decryptPayload(key, other, ad)).resolves.toEqual(utf8('Hello, The Hague'));
  });

  it('keep the order of ids', () => {
    const a = payloadAd({ purpose: 'message', ids: ['a', 'b'], epoch: 0, sender: 's' });
    const b = payloadAd({ purpose: 'message', ids: ['b', 'a'], epoch: 0, sender: 's' });
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('check their inputs and records', async () => {
    const ad = { purpose: 'message', ids: ['c'], epoch: 0, sender: 'u' };
    const badAds = [
      { ...ad, purpose: 'Message' },
      { ...ad, purpose: '' },
      { ...ad, ids: [] },
      { ...ad, ids: Array.from({ length: 17 }, () => 'x') },
      { ...ad, ids: [''] },
      { ...ad, epoch: -1 },
      { ...ad, epoch: 0.5 },
      { ...ad, sender: '' },
    ];
    for (const bad of badAds) {
      await expect(encryptPayload(key, 'x', bad)).rejects.toMatchObject(code('invalid_input'));
    }
    await expect(encryptPayload(key.slice(1), 'x', ad)).rejects.toMatchObject(
      code('invalid_input'),
    );
    await expect(encryptPayload(key, 5 as unknown as string, ad)).rejects.toMatchObject(
      code('invalid_input'),
    );
    const payload = await encryptPayload(key, 'x', ad);
    const badRecords: [unknown, string][] = [
      [{ ...payload, v: 2 }, 'unsupported_version'],
      [{ ...payload, extra: 1 }, 'invalid_record'],
      [{ ...payload, nonce: payload.nonce.slice(2) }, 'invalid_record'],
      [{ ...payload, ciphertext: toBase64Url(new Uint8Array(15)) }, 'invalid_record'],
      [{ v: 1, nonce: payload.nonce }, 'invalid_record'],
    ];
    for (const [value, expected] of badRecords) {
      await expect(decryptPayload(key, value, ad)).rejects.toMatchObject(code(expected));
    }
    await expect(decryptPayload(key.slice(2), payload, ad)).rejects.toMatchObject(
      code('invalid_input'),
    );
  });
});
