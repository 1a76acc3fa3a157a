import fc from 'fast-check';
import vectors from '../../vectors/v1/recovery-key.json';
import { encodeFields, fromHex, toHex } from './encoding';
import { formatRecoverySecret, generateRecoveryKey, parseRecoveryKey } from './recovery-key';
import { blake2b, ready } from './sodium';
import { seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

const ALPHABET = vectors.alphabet;
const TEXT = /^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/;

describe('recovery keys', () => {
  it.each(vectors.cases)('reproduces $seedLabel', async (vector) => {
    const { result, draws } = await withDeterministicRandom(
      seedFromLabel(vector.seedLabel),
      generateRecoveryKey,
    );
    expect(draws).toEqual(vector.draws);
    expect(toHex(result.secret)).toBe(vector.secret);
    expect(result.text).toBe(vector.text);
    const message = encodeFields('coop/v1/recovery-key-checksum', [fromHex(vector.secret)]);
    expect(toHex(message)).toBe(vector.checksumMessage);
    expect(toHex(blake2b(32, message, null))).toBe(vector.checksumDigest);
  });

  it.each(vectors.parse)('parses "$input"', async (vector) => {
    const parsed = parseRecoveryKey(vector.input);
    if ('secret' in vector && vector.secret) {
      expect(toHex(await parsed)).toBe(vector.secret);
    } else {
      await expect(parsed).rejects.toMatchObject({ code: vector.error });
    }
  });

  it('round-trips any secret through its text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), async (secret) => {
        const text = formatRecoverySecret(secret);
        expect(text).toMatch(TEXT);
        expect(await parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))).toEqual(secret);
      }),
    );
  });

  it('detects every single-character typo and adjacent swap of a vector key', async () => {
    const compact = vectors.cases[0].text.replace(/-/g, '');
    let variants = 0;
    for (let i = 0; i < compact.length; i++) {
      for (const char of ALPHABET) {
        if (char === compact[i]) continue;
        const typo = compact.slice(0, i) + char + compact.slice(i + 1);
        await expect(parseRecoveryKey(typo)).rejects.toMatchObject({
          code: 'recovery_key_checksum',
        });
        variants++;
      }
      if (i + 1 < compact.length && compact[i] !== compact[i + 1]) {
        const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
        await expect(parseRecoveryKey(swapped)).rejects.toMatchObject({
          code: 'recovery_key_checksum',
        });
      }
    }
    expect(variants).toBe(56 * 31);
  });

  it('rejects text that is not a recovery key', async () => {
    await expect(parseRecoveryKey(42 as unknown as string)).rejects.toMatchObject({
      code: 'invalid_recovery_key',
    });
    await expect(parseRecoveryKey('')).rejects.toMatchObject({ code: 'invalid_recovery_key' });
    expect(() => formatRecoverySecret(new Uint8Array(31))).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('generates 256-bit secrets', async () => {
    const a = await generateRecoveryKey();
    const b = await generateRecoveryKey();
    expect(a.secret).toHaveLength(32);
    expect(a.text).toMatch(TEXT);
    expect(a.text).not.toBe(b.text);
  });
});
