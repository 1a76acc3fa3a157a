/*
 * Safety numbers and QR payloads for verifying a contact in person, protocol v1 (after Signal's
 * numeric fingerprints). For each party:
 *   h = 0x00 0x01 (version, u16be) ‖ signingKey (32 bytes) ‖ UTF-8(userId)
 *   repeat 5200 times: h = SHA-512(h ‖ signingKey)            (libsodium crypto_hash)
 *   digits = for i in 0..5: u40be(h[5i .. 5i+5]) mod 100000, zero-padded to 5 digits
 * The safety number is the two 30-digit strings sorted and concatenated (so both sides see the
 * same 60 digits), shown as 12 groups of 5. The QR payload is base64url of
 *   0x01 ‖ the two 32-byte prefixes h[0..32] in byte order
 * and matches only when both parties' keys and ids match exactly. The signing key stands for
 * the account: the encryption key is bound to it by the self-signed key record.
 * No nonce, no associated data, no randomness. Version 1.
 */
import { compareBytesLex, concatBytes, fromBase64Url, toBase64Url, utf8 } from './encoding';
import { SIGNING_PUBLIC_KEY_BYTES } from './signature';
import { equalBytes, ready, sha512 } from './sodium';
import { checkId, publicKeyBytes } from './validate';

export const SAFETY_NUMBER_VERSION = 1;
export const SAFETY_NUMBER_ITERATIONS = 5200;
export const QR_PAYLOAD_VERSION = 1;
const QR_FINGERPRINT_BYTES = 32;

export interface SafetyParty {
  userId: string;
  /** Ed25519 public key: bytes or base64url (a KeyRecordV1 fits). */
  signingKey: Uint8Array | string;
}

function partyHash(party: SafetyParty): Uint8Array {
  const key = publicKeyBytes(party.signingKey, 'signingKey', SIGNING_PUBLIC_KEY_BYTES);
  const version = Uint8Array.of(SAFETY_NUMBER_VERSION >> 8, SAFETY_NUMBER_VERSION & 0xff);
  const userId = utf8(checkId(party.userId, 'userId', 'invalid_input'));
  let hash = sha512(concatBytes(version, key, userId, key));
  // Every later round hashes (64-byte hash ‖ key): one buffer, refilled in place.
  const input = new Uint8Array(64 + key.length);
  input.set(key, 64);
  for (let i = 1; i < SAFETY_NUMBER_ITERATIONS; i++) {
    input.set(hash);
    hash = sha512(input);
  }
  return hash;
}

function digitsOf(hash: Uint8Array): string {
  let out = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 256 + hash[chunk * 5 + i];
    out += String(value % 100_000).padStart(5, '0');
  }
  return out;
}

/** The 30 digits one party contributes (exported for known-answer vectors). */
export async function safetyNumberDigits(party: SafetyParty): Promise<string> {
  await ready();
  return digitsOf(partyHash(party));
}

/** 60 digits as 12 groups of 5 separated by spaces; the same whichever party is `a`. */
export async function safetyNumber(a: SafetyParty, b: SafetyParty): Promise<string> {
  await ready();
  const digits = [digitsOf(partyHash(a)), digitsOf(partyHash(b))].sort().join('');
  return digits.match(/\d{5}/g)?.join(' ') ?? '';
}

function qrBytes(a: SafetyParty, b: SafetyParty): Uint8Array {
  const prints = [partyHash(a), partyHash(b)]
    .map((hash) => hash.slice(0, QR_FINGERPRINT_BYTES))
    .sort(compareBytesLex);
  return concatBytes(Uint8Array.of(QR_PAYLOAD_VERSION), ...prints);
}

export async function qrPayload(a: SafetyParty, b: SafetyParty): Promise<string> {
  await ready();
  return toBase64Url(qrBytes(a, b));
}

/** True when a scanned payload was made for exactly these two parties and keys. */
export async function compareQrPayload(
  payload: string,
  a: SafetyParty,
  b: SafetyParty,
): Promise<boolean> {
  await ready();
  const expected = qrBytes(a, b);
  let scanned: Uint8Array;
  try {
    scanned = fromBase64Url(payload, expected.length);
  } catch {
    return false;
  }
  return equalBytes(scanned, expected);
}
