/*
 * Recovery key text format, protocol v1.
 * The secret is 32 random bytes (drawn through random.ts). Text = 56 Crockford base32 symbols
 * (alphabet 0123456789ABCDEFGHJKMNPQRSTVWXYZ) in 14 groups of 4 joined by '-':
 *   - symbols 1-52: the secret as a big-endian bit string, followed by 4 zero bits (260 bits);
 *   - symbols 53-56: checksum = the first 20 bits of BLAKE2b-256 (no key) over
 *     encodeFields('coop/v1/recovery-key-checksum', [secret]).
 * Parsing ignores whitespace and dashes, ignores case, reads I and L as 1 and O as 0, and
 * rejects a non-zero pad or a wrong checksum. No nonce, no associated data. Version 1.
 */
import { CryptoError } from '../errors';
import { encodeFields } from './encoding';
import { randomBytes } from './random';
import { blake2b, ready } from './sodium';
import { checkBytes } from './validate';

export const RECOVERY_SECRET_BYTES = 32;
export const RECOVERY_CHECKSUM_CONTEXT = 'coop/v1/recovery-key-checksum';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_SYMBOLS = 52;
const CHECKSUM_SYMBOLS = 4;
const GROUP = 4;
const CONFUSABLE: Record<string, string> = { I: '1', L: '1', O: '0' };
const SEPARATORS = /[\s\u002d\u2010-\u2015\u2212]/g;

export interface RecoveryKey {
  /** The 32-byte secret the key-encryption key is derived from. */
  secret: Uint8Array;
  /** What the user writes down: 14 groups of 4 characters. */
  text: string;
}

function toSymbols(bytes: Uint8Array, symbols: number): number[] {
  const out: number[] = [];
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push((value >> bits) & 31);
      value &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out.push((value << (5 - bits)) & 31);
  return out.slice(0, symbols);
}

function checksumSymbols(secret: Uint8Array): number[] {
  const digest = blake2b(32, encodeFields(RECOVERY_CHECKSUM_CONTEXT, [secret]), null);
  return toSymbols(digest.subarray(0, 3), CHECKSUM_SYMBOLS);
}

export function formatRecoverySecret(secret: Uint8Array): string {
  checkBytes(secret, 'recovery secret', RECOVERY_SECRET_BYTES);
  const symbols = [...toSymbols(secret, DATA_SYMBOLS), ...checksumSymbols(secret)];
  const text = symbols.map((symbol) => ALPHABET[symbol]).join('');
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP));
  return groups.join('-');
}

export async function generateRecoveryKey(): Promise<RecoveryKey> {
  await ready();
  const secret = randomBytes(RECOVERY_SECRET_BYTES);
  return { secret, text: formatRecoverySecret(secret) };
}

/** The 32-byte secret of a recovery key typed by a person. */
export async function parseRecoveryKey(text: string): Promise<Uint8Array> {
  await ready();
  if (typeof text !== 'string') {
    throw new CryptoError('invalid_recovery_key', 'a recovery key is text');
  }
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  if (compact.length !== DATA_SYMBOLS + CHECKSUM_SYMBOLS) {
    throw new CryptoError(
      'invalid_recovery_key',
      `a recovery key has ${DATA_SYMBOLS + CHECKSUM_SYMBOLS} characters`,
    );
  }
  const symbols: number[] = [];
  for (const char of compact) {
    const symbol = ALPHABET.indexOf(CONFUSABLE[char] ?? char);
    if (symbol < 0) {
      throw new CryptoError('invalid_recovery_key', `"${char}" is not a recovery key character`);
    }
    symbols.push(symbol);
  }
  const secret = new Uint8Array(RECOVERY_SECRET_BYTES);
  let value = 0;
  let bits = 0;
  let offset = 0;
  for (const symbol of symbols.slice(0, DATA_SYMBOLS)) {
    value = (value << 5) | symbol;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      secret[offset++] = (value >> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  const expected = checksumSymbols(secret);
  // The 4 pad bits count as checksum: a typo there is a typo like any other.
  const intact = value === 0 && expected.every((symbol, i) => symbols[DATA_SYMBOLS + i] === symbol);
  if (!intact) {
    throw new CryptoError('recovery_key_checksum', 'the recovery key contains a typo');
  }
  return secret;
}
