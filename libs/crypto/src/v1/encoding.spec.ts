import fc from 'fast-check';
import vectors from '../../vectors/v1/encoding.json';
import { CryptoError } from '../errors';
import {
  compareBytesLex,
  decodeFields,
  encodeFields,
  fromBase64Url,
  fromHex,
  fromUtf8,
  toBase64Url,
  toHex,
  u64be,
  utf8,
  type Field,
} from './encoding';
import { fieldFromJson } from './testing';

const code = (expected: string) => expect.objectContaining({ code: expected });

const field: fc.Arbitrary<Field> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 32 }),
  fc.maxSafeNat(),
);

describe('field encoding', () => {
  it.each(vectors.cases)('reproduces the vector "$name"', (vector) => {
    const fields = vector.fields.map(fieldFromJson);
    expect(toHex(encodeFields(vector.context, fields))).toBe(vector.encoded);
    expect(decodeFields(vector.context, fromHex(vector.encoded))).toEqual(fields);
  });

  it('round-trips any list of fields', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), (fields) => {
        expect(decodeFields('coop/v1/test', encodeFields('coop/v1/test', fields))).toEqual(fields);
      }),
    );
  });

  it('never encodes two different field lists alike', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), fc.array(field, { maxLength: 4 }), (a, b) => {
        const same = toHex(encodeFields('coop/v1/t', a)) === toHex(encodeFields('coop/v1/t', b));
        expect(same).toBe(JSON.stringify(fieldsJson(a)) === JSON.stringify(fieldsJson(b)));
      }),
    );
    const pairs: [Field[], Field[]][] = [
      [['ab'], ['a', 'b']],
      [[utf8('a')], ['a']],
      [[1], [u64be(1)]],
      [[''], [new Uint8Array(0)]],
      [[], ['']],
    ];
    for (const [a, b] of pairs) {
      expect(toHex(encodeFields('coop/v1/t', a))).not.toBe(toHex(encodeFields('coop/v1/t', b)));
    }
    expect(toHex(encodeFields('coop/v1/a', ['b']))).not.toBe(toHex(encodeFields('coop/v1/ab', [])));
  });

  it('rejects what it cannot encode canonically', () => {
    expect(() => encodeFields('other/v1/x', [])).toThrow(code('invalid_input'));
    expect(() => encodeFields('coop/v1/', [])).toThrow(code('invalid_input'));
    expect(() => encodeFields('coop/v1/X', [])).toThrow(code('invalid_input'));
    expect(() => encodeFields('coop/v1/x', ['\uD800'])).toThrow(code('invalid_input'));
    expect(() => encodeFields('coop/v1/x', ['a\uDC00'])).toThrow(code('invalid_input'));
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity]) {
      expect(() => encodeFields('coop/v1/x', [bad])).toThrow(code('invalid_input'));
    }
    expect(() => encodeFields('coop/v1/x', [true as unknown as Field])).toThrow(
      code('invalid_input'),
    );
    expect(utf8('\uD83D\uDD10')).toEqual(Uint8Array.of(0xf0, 0x9f, 0x94, 0x90));
  });

  it('decodes only what encodeFields produces', () => {
    const good = encodeFields('coop/v1/x', ['ab', 7]);
    const bad =
      (bytes: Uint8Array, context = 'coop/v1/x') =>
      () =>
        decodeFields(context, bytes);
    expect(bad(good, 'coop/v1/y')).toThrow(code('invalid_encoding'));
    expect(bad(good.slice(0, 5))).toThrow(code('invalid_encoding'));
    expect(bad(good.slice(0, good.length - 1))).toThrow(code('invalid_encoding'));
    const prefix = encodeFields('coop/v1/x', []);
    expect(bad(Uint8Array.of(...prefix, 0x01, 0, 0))).toThrow(code('invalid_encoding'));
    expect(bad(Uint8Array.of(...prefix, 0x09, 0, 0, 0, 0))).toThrow(code('invalid_encoding'));
    expect(bad(Uint8Array.of(...prefix, 0x03, 0, 0, 0, 1, 7))).toThrow(code('invalid_encoding'));
    expect(
      bad(Uint8Array.of(...prefix, 0x03, 0, 0, 0, 8, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0)),
    ).toThrow(code('invalid_encoding'));
    expect(bad(Uint8Array.of(...prefix, 0x02, 0, 0, 0, 1, 0xff))).toThrow(code('invalid_encoding'));
    expect(() => fromUtf8(Uint8Array.of(0xc3))).toThrow(CryptoError);
  });
});

describe('base64url and hex', () => {
  it.each(vectors.base64url)('reproduces $hex ↔ "$base64url"', ({ hex, base64url }) => {
    expect(toBase64Url(fromHex(hex))).toBe(base64url);
    expect(toHex(fromBase64Url(base64url))).toBe(hex);
  });

  it.each(vectors.invalidBase64url)('rejects "$text" ($reason)', ({ text }) => {
    expect(() => fromBase64Url(text)).toThrow(code('invalid_encoding'));
  });

  it('round-trips any bytes, one text per value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text, bytes.length)).toEqual(bytes);
        expect(fromHex(toHex(bytes), bytes.length)).toEqual(bytes);
      }),
    );
  });

  it('checks lengths and rejects other spellings', () => {
    expect(() => fromBase64Url('AAAA', 2)).toThrow(code('invalid_encoding'));
    expect(() => fromBase64Url(7 as unknown as string)).toThrow(code('invalid_encoding'));
    expect(() => fromHex('ABCD')).toThrow(code('invalid_encoding'));
    expect(() => fromHex('abc')).toThrow(code('invalid_encoding'));
    expect(() => fromHex('abcd', 3)).toThrow(code('invalid_encoding'));
  });

  it('orders bytes lexicographically', () => {
    expect(compareBytesLex(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBeLessThan(0);
    expect(compareBytesLex(Uint8Array.of(1), Uint8Array.of(1, 0))).toBeLessThan(0);
    expect(compareBytesLex(Uint8Array.of(2), Uint8Array.of(1, 9))).toBeGreaterThan(0);
    expect(compareBytesLex(Uint8Array.of(), Uint8Array.of())).toBe(0);
  });
});

function fieldsJson(fields: Field[]): unknown[] {
  return fields.map((f) => (f instanceof Uint8Array ? ['b', toHex(f)] : [typeof f, f]));
}
