/** Every failure of the protocol surfaces as a CryptoError with one of these codes. */
export const CRYPTO_ERROR_CODES = [
  /** libsodium is not loaded yet; `await ready()` first. */
  'not_ready',
  /** An argument is malformed (wrong length, bad id, unsafe number, unknown kind). */
  'invalid_input',
  /** A base64url, hex or field encoding is not canonical or cannot be parsed. */
  'invalid_encoding',
  /** A record's shape is wrong: missing or unknown fields, wrong types or lengths. */
  'invalid_record',
  /** The record carries a protocol version this code does not speak. */
  'unsupported_version',
  /** A signature does not verify with the expected key. */
  'invalid_signature',
  /** Authenticated decryption failed: wrong key, wrong associated data, or tampered bytes. */
  'decryption_failed',
  /** Decrypted keys do not belong to the expected public key. */
  'key_mismatch',
  /** An envelope names another recipient or another recipient key. */
  'recipient_mismatch',
  /** The ids, epoch, purpose or sender bound into a record differ from what the caller expects. */
  'context_mismatch',
  /** A recovery key has the wrong length or characters. */
  'invalid_recovery_key',
  /** A recovery key's checksum does not match: a typo. */
  'recovery_key_checksum',
  /** Argon2id parameters are outside the accepted range. */
  'invalid_kdf_parameters',
  /** An encrypted file ends before its FINAL chunk. */
  'stream_truncated',
  /** Bytes follow the FINAL chunk of an encrypted file. */
  'stream_trailing_data',
  /** An encrypted file chunk carries a tag the protocol never writes. */
  'stream_invalid',
] as const;

export type CryptoErrorCode = (typeof CRYPTO_ERROR_CODES)[number];

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
  }
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
