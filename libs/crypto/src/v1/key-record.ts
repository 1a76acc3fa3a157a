/*
 * Self-signed public key record, protocol v1.
 * Inputs: the account keys, userId, generation (integer ≥ 1, +1 at every key change) and
 * createdAt (ISO 8601). signature = Ed25519 by the record's own signing key over
 *   encodeFields('coop/v1/key-record', [userId, generation, encryptionKey, signingKey, createdAt])
 * with both keys as raw bytes. fingerprint = hex(BLAKE2b-256, no key, over
 *   encodeFields('coop/v1/fingerprint', [signingKey, encryptionKey])).
 * No nonce, no associated data. Readers reject any version other than 1.
 */
import { CryptoError } from '../errors';
import { ENCRYPTION_PUBLIC_KEY_BYTES, type AccountKeys } from './account-keys';
import { encodeFields, toBase64Url, toHex } from './encoding';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, signFields, verifyFields } from './signature';
import { blake2b, ready } from './sodium';
import { asRecord, checkId, checkUint, publicKeyBytes, recordBytes } from './validate';

export const KEY_RECORD_CONTEXT = 'coop/v1/key-record';
export const FINGERPRINT_CONTEXT = 'coop/v1/fingerprint';

export interface KeyRecordV1 {
  v: 1;
  userId: string;
  generation: number;
  /** X25519 public key, base64url (32 bytes). */
  encryptionKey: string;
  /** Ed25519 public key, base64url (32 bytes). */
  signingKey: string;
  createdAt: string;
  /** Ed25519 signature, base64url (64 bytes). */
  signature: string;
}

export interface PublicKeys {
  encryptionKey: Uint8Array | string;
  signingKey: Uint8Array | string;
}

const FIELDS = [
  'v',
  'userId',
  'generation',
  'encryptionKey',
  'signingKey',
  'createdAt',
  'signature',
] as const;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value));
}

interface DecodedKeyRecord {
  record: KeyRecordV1;
  encryptionKey: Uint8Array;
  signingKey: Uint8Array;
  signature: Uint8Array;
}

/** Checks the shape of a key record (not its signature) and decodes its binary fields. */
export function parseKeyRecord(value: unknown): DecodedKeyRecord {
  const raw = asRecord(value, 'key record', FIELDS);
  checkId(raw['userId'], 'userId', 'invalid_record');
  checkUint(raw['generation'], 'generation', 1, 'invalid_record');
  if (!isDateTime(raw['createdAt'])) {
    throw new CryptoError('invalid_record', 'createdAt: an ISO 8601 date and time');
  }
  return {
    record: raw as unknown as KeyRecordV1,
    encryptionKey: recordBytes(raw['encryptionKey'], 'encryptionKey', ENCRYPTION_PUBLIC_KEY_BYTES),
    signingKey: recordBytes(raw['signingKey'], 'signingKey', SIGNING_PUBLIC_KEY_BYTES),
    signature: recordBytes(raw['signature'], 'signature', SIGNATURE_BYTES),
  };
}

function signedFields(
  record: Pick<KeyRecordV1, 'userId' | 'generation' | 'createdAt'>,
  encryptionKey: Uint8Array,
  signingKey: Uint8Array,
): (string | number | Uint8Array)[] {
  return [record.userId, record.generation, encryptionKey, signingKey, record.createdAt];
}

export async function createKeyRecord(
  keys: AccountKeys,
  params: { userId: string; generation: number; createdAt?: Date | string },
): Promise<KeyRecordV1> {
  await ready();
  const userId = checkId(params.userId, 'userId', 'invalid_input');
  const generation = checkUint(params.generation, 'generation', 1, 'invalid_input');
  const createdAt =
    params.createdAt instanceof Date
      ? params.createdAt.toISOString()
      : (params.createdAt ?? new Date().toISOString());
  if (!isDateTime(createdAt)) {
    throw new CryptoError('invalid_input', 'createdAt: an ISO 8601 date and time');
  }
  const fields = signedFields(
    { userId, generation, createdAt },
    keys.encryption.publicKey,
    keys.signing.publicKey,
  );
  return {
    v: 1,
    userId,
    generation,
    encryptionKey: toBase64Url(keys.encryption.publicKey),
    signingKey: toBase64Url(keys.signing.publicKey),
    createdAt,
    signature: toBase64Url(signFields(KEY_RECORD_CONTEXT, fields, keys.signing.secretKey)),
  };
}

/**
 * Parses and verifies a key record; throws CryptoError ('invalid_record',
 * 'unsupported_version' or 'invalid_signature'). Returns the record and its decoded keys.
 */
export async function readKeyRecord(value: unknown): Promise<DecodedKeyRecord> {
  await ready();
  const decoded = parseKeyRecord(value);
  const fields = signedFields(decoded.record, decoded.encryptionKey, decoded.signingKey);
  if (!verifyFields(KEY_RECORD_CONTEXT, fields, decoded.signature, decoded.signingKey)) {
    throw new CryptoError('invalid_signature', 'the key record is not signed by its own key');
  }
  return decoded;
}

/** True when the value is a well-formed v1 key record carrying a valid self-signature. */
export async function verifyKeyRecord(value: unknown): Promise<boolean> {
  try {
    await readKeyRecord(value);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

export function fingerprintOf(signingKey: Uint8Array, encryptionKey: Uint8Array): string {
  return toHex(blake2b(32, encodeFields(FINGERPRINT_CONTEXT, [signingKey, encryptionKey]), null));
}

/** 64 lower-case hex characters identifying a (signing key, encryption key) pair. */
export async function fingerprint(keys: PublicKeys): Promise<string> {
  await ready();
  return fingerprintOf(
    publicKeyBytes(keys.signingKey, 'signingKey', SIGNING_PUBLIC_KEY_BYTES),
    publicKeyBytes(keys.encryptionKey, 'encryptionKey', ENCRYPTION_PUBLIC_KEY_BYTES),
  );
}
