import { createHash } from 'node:crypto';
import { types } from 'node:util';

/** Binary input as a caller may hold it: base64url text (JSON on the wire) or raw bytes. */
export type BinaryInput = string | ArrayBuffer | ArrayBufferView;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Strict decode: Buffer.from silently skips invalid characters, which would hide encoding bugs. */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!BASE64URL.test(text) || text.length % 4 === 1) {
    throw new TypeError(`not base64url: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return Uint8Array.from(Buffer.from(text, 'base64url'));
}

/**
 * Accepts what a browser accepts for a BufferSource plus base64url text. util.types is used
 * instead of instanceof because jest runs tests in a separate realm with its own ArrayBuffer.
 */
export function toBytes(input: unknown, what: string): Uint8Array<ArrayBuffer> {
  if (typeof input === 'string') return fromBase64url(input);
  if (ArrayBuffer.isView(input)) {
    return Uint8Array.from(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  }
  if (types.isAnyArrayBuffer(input)) return Uint8Array.from(new Uint8Array(input));
  throw new TypeError(`${what} must be base64url text or a BufferSource`);
}

export function sha256(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return Uint8Array.from(hash.digest());
}

/** Copies into a plain Uint8Array of this realm, which CBOR encoders and verifiers expect. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function uint32BE(value: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

export function uint16BE(value: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2);
  new DataView(out.buffer).setUint16(0, value);
  return out;
}
