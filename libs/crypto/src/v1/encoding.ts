/*
 * Protocol v1 encodings. No secrets, no randomness, no libsodium.
 *
 * encodeFields(context, fields) is the only byte string that is ever signed or used as
 * associated data:
 *   UTF-8(context) ‖ 0x00 ‖ for each field: type ‖ u32be(length) ‖ bytes
 * with type 0x01 = raw bytes, 0x02 = UTF-8 string, 0x03 = unsigned integer as u64be (length 8).
 * Every use has its own context string under `coop/v1/`; a v2 must use new ones.
 * Binary values travel in JSON as unpadded base64url; decoding rejects non-canonical text, so
 * one value has exactly one JSON form.
 */
import { CryptoError } from '../errors';

export type Field = Uint8Array | string | number;

export const FIELD_TYPE_BYTES = 0x01;
export const FIELD_TYPE_STRING = 0x02;
export const FIELD_TYPE_NUMBER = 0x03;

const CONTEXT_PATTERN = /^coop\/v1\/[a-z0-9][a-z0-9/-]*$/;
// A lone surrogate would be replaced by U+FFFD, so two different strings could sign alike.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function isWellFormedString(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

export function utf8(value: string): Uint8Array {
  if (!isWellFormedString(value)) {
    throw new CryptoError('invalid_input', 'strings must be well-formed Unicode');
  }
  return encoder.encode(value);
}

export function fromUtf8(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('invalid_encoding', 'bytes are not valid UTF-8');
  }
}

export function isContext(context: string): boolean {
  return CONTEXT_PATTERN.test(context);
}

/** A non-negative integer that survives a round trip through JSON and u64be. */
export function isUint(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function u32be(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

export function u64be(value: number): Uint8Array {
  if (!isUint(value)) {
    throw new CryptoError('invalid_input', 'numbers must be non-negative safe integers');
  }
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(value / 0x1_0000_0000));
  view.setUint32(4, value % 0x1_0000_0000);
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Lexicographic byte order (shorter first on a common prefix), for sorting public values. */
export function compareBytesLex(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

export function encodeFields(context: string, fields: readonly Field[]): Uint8Array {
  if (!isContext(context)) {
    throw new CryptoError('invalid_input', `not a protocol v1 context string: ${context}`);
  }
  const parts: Uint8Array[] = [encoder.encode(context), Uint8Array.of(0)];
  for (const field of fields) {
    let type: number;
    let bytes: Uint8Array;
    if (field instanceof Uint8Array) {
      type = FIELD_TYPE_BYTES;
      bytes = field;
    } else if (typeof field === 'string') {
      type = FIELD_TYPE_STRING;
      bytes = utf8(field);
    } else if (typeof field === 'number') {
      type = FIELD_TYPE_NUMBER;
      bytes = u64be(field);
    } else {
      throw new CryptoError('invalid_input', 'fields are Uint8Array, string or number');
    }
    parts.push(Uint8Array.of(type), u32be(bytes.length), bytes);
  }
  return concatBytes(...parts);
}

/** The inverse of encodeFields for a known context; rejects anything encodeFields cannot produce. */
export function decodeFields(context: string, encoded: Uint8Array): Field[] {
  const prefix = encodeFields(context, []);
  const bad = (why: string) => new CryptoError('invalid_encoding', `field encoding: ${why}`);
  if (encoded.length < prefix.length || !prefix.every((byte, i) => encoded[i] === byte)) {
    throw bad('wrong context');
  }
  const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const fields: Field[] = [];
  let offset = prefix.length;
  while (offset < encoded.length) {
    if (offset + 5 > encoded.length) throw bad('truncated field header');
    const type = encoded[offset];
    const length = view.getUint32(offset + 1);
    offset += 5;
    if (offset + length > encoded.length) throw bad('truncated field');
    const bytes = encoded.slice(offset, offset + length);
    offset += length;
    if (type === FIELD_TYPE_BYTES) {
      fields.push(bytes);
    } else if (type === FIELD_TYPE_STRING) {
      fields.push(fromUtf8(bytes));
    } else if (type === FIELD_TYPE_NUMBER) {
      if (length !== 8) throw bad('a number is 8 bytes');
      const value = view.getUint32(offset - 8) * 0x1_0000_0000 + view.getUint32(offset - 4);
      if (!Number.isSafeInteger(value)) throw bad('number beyond 2^53 - 1');
      fields.push(value);
    } else {
      throw bad(`unknown field type ${type}`);
    }
  }
  return fields;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// Typed-array tables: megabyte payloads are encoded here, so no per-character strings or maps.
const B64URL_CODES = Uint8Array.from(B64URL, (char) => char.charCodeAt(0));
const B64URL_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64URL_VALUES[B64URL_CODES[i]] = i;

/** Unpadded base64url (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = B64URL_CODES[n >> 18];
    out[o++] = B64URL_CODES[(n >> 12) & 63];
    out[o++] = B64URL_CODES[(n >> 6) & 63];
    out[o++] = B64URL_CODES[n & 63];
  }
  if (bytes.length - whole === 1) {
    const n = bytes[whole] << 16;
    out[o++] = B64URL_CODES[n >> 18];
    out[o++] = B64URL_CODES[(n >> 12) & 63];
  } else if (bytes.length - whole === 2) {
    const n = (bytes[whole] << 16) | (bytes[whole + 1] << 8);
    out[o++] = B64URL_CODES[n >> 18];
    out[o++] = B64URL_CODES[(n >> 12) & 63];
    out[o++] = B64URL_CODES[(n >> 6) & 63];
  }
  return decoder.decode(out);
}

/**
 * Strict unpadded base64url: only the URL-safe alphabet, no padding, no whitespace, and unused
 * trailing bits must be zero. `length`, when given, is the exact number of decoded bytes.
 */
export function fromBase64Url(text: string, length?: number): Uint8Array {
  const bad = (why: string) => new CryptoError('invalid_encoding', `base64url: ${why}`);
  if (typeof text !== 'string') throw bad('not a string');
  if (text.length % 4 === 1) throw bad('impossible length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  if (length !== undefined && out.length !== length) throw bad(`expected ${length} bytes`);
  const digit = (i: number) => {
    const code = text.charCodeAt(i);
    return code < 128 ? B64URL_VALUES[code] : -1;
  };
  const whole = text.length - (text.length % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = digit(i);
    const b = digit(i + 1);
    const c = digit(i + 2);
    const d = digit(i + 3);
    if ((a | b | c | d) < 0) throw bad('character outside the URL-safe alphabet');
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  const rest = text.length - whole;
  if (rest > 0) {
    const a = digit(whole);
    const b = digit(whole + 1);
    const c = rest === 3 ? digit(whole + 2) : 0;
    if ((a | b | c) < 0) throw bad('character outside the URL-safe alphabet');
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 0xff;
    // The bits below the last whole byte must be zero, so one value has one text.
    if ((rest === 2 ? n & 0xffff : n & 0xff) !== 0) throw bad('non-zero trailing bits');
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Lower-case hex only, so one value has one text form. */
export function fromHex(text: string, length?: number): Uint8Array {
  if (typeof text !== 'string' || !/^(?:[0-9a-f]{2})*$/.test(text)) {
    throw new CryptoError('invalid_encoding', 'hex: lower-case pairs of 0-9a-f only');
  }
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  if (length !== undefined && out.length !== length) {
    throw new CryptoError('invalid_encoding', `hex: expected ${length} bytes`);
  }
  return out;
}
