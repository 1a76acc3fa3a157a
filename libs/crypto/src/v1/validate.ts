/*
 * Shape checks shared by the record parsers. Records arrive as JSON from the server, so every
 * reader checks the exact field set, the version first, and the decoded length of every key.
 */
import { CryptoError } from '../errors';
import { fromBase64Url, isUint, isWellFormedString } from './encoding';

export const MAX_ID_LENGTH = 1024;
const PURPOSE_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type JsonObject = Record<string, unknown>;

function invalid(what: string): CryptoError {
  return new CryptoError('invalid_record', what);
}

/** An object with version 1 and exactly the required fields (plus any of the optional ones). */
export function asRecord(
  value: unknown,
  name: string,
  required: readonly string[],
  optional: readonly string[] = [],
): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`${name}: not an object`);
  }
  const record = value as JsonObject;
  if (record['v'] !== 1) {
    throw new CryptoError('unsupported_version', `${name}: version ${String(record['v'])}`);
  }
  for (const key of required) {
    if (!(key in record)) throw invalid(`${name}: missing ${key}`);
  }
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) {
      throw invalid(`${name}: unknown field ${key}`);
    }
  }
  return record;
}

export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    isWellFormedString(value)
  );
}

export function checkId(
  value: unknown,
  what: string,
  code: 'invalid_record' | 'invalid_input',
): string {
  if (!isId(value)) {
    throw new CryptoError(
      code,
      `${what}: a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
  return value;
}

export function checkPurpose(value: unknown, code: 'invalid_record' | 'invalid_input'): string {
  if (typeof value !== 'string' || !PURPOSE_PATTERN.test(value)) {
    throw new CryptoError(code, 'purpose: 1-64 characters of a-z, 0-9 and -');
  }
  return value;
}

export function checkUint(
  value: unknown,
  what: string,
  min: number,
  code: 'invalid_record' | 'invalid_input',
): number {
  if (!isUint(value) || value < min) {
    throw new CryptoError(code, `${what}: an integer ≥ ${min}`);
  }
  return value;
}

export function checkBytes(value: unknown, what: string, length: number): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== length) {
    throw new CryptoError('invalid_input', `${what}: ${length} bytes`);
  }
  return value;
}

/** Decodes a base64url record field; any encoding problem is a malformed record. */
export function recordBytes(value: unknown, what: string, length?: number): Uint8Array {
  if (typeof value !== 'string') throw invalid(`${what}: not a string`);
  try {
    return fromBase64Url(value, length);
  } catch {
    throw invalid(`${what}: not ${length ?? 'valid'} bytes of base64url`);
  }
}

/** A public key given as bytes or as base64url text. */
export function publicKeyBytes(
  value: Uint8Array | string,
  what: string,
  length: number,
): Uint8Array {
  if (typeof value === 'string') {
    try {
      return fromBase64Url(value, length);
    } catch {
      throw new CryptoError('invalid_input', `${what}: ${length} bytes of base64url`);
    }
  }
  return checkBytes(value, what, length);
}
