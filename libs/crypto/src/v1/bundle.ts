/*
 * Private key bundle and its wraps, protocol v1.
 * Plaintext = encodeFields('coop/v1/bundle-plaintext', [X25519 secret key, Ed25519 seed]).
 * Key-encryption key (KEK), one derivation per wrap kind, all BLAKE2b-256 (crypto_generichash):
 *   prf:        key = PRF output (32 bytes),  message = encodeFields('coop/v1/kek/prf', [userId, credentialId])
 *   recovery:   key = recovery secret (32),   message = encodeFields('coop/v1/kek/recovery', [userId])
 *   passphrase: key = Argon2id13(NFC passphrase, fresh 16-byte salt, opslimit, memlimit, 32 bytes),
 *               message = encodeFields('coop/v1/kek/passphrase', [userId])
 * Wrap = XChaCha20-Poly1305-IETF under the KEK, fresh random 24-byte nonce, associated data
 *   encodeFields('coop/v1/bundle-wrap', [userId, kind, wrapId, generation]).
 * The wrap record is signed with the user's Ed25519 key over
 *   encodeFields('coop/v1/bundle-wrap-record',
 *     [userId, kind, wrapId, generation, nonce, ciphertext, salt, opslimit, memlimit])
 * where salt is empty and both limits 0 for kinds without Argon2id. Readers reject v ≠ 1.
 */
import { CryptoError } from '../errors';
import {
  accountKeysFromSecrets,
  ENCRYPTION_PUBLIC_KEY_BYTES,
  ENCRYPTION_SECRET_KEY_BYTES,
  SEED_BYTES,
  signingSeedOf,
  type AccountKeys,
} from './account-keys';
import { decodeFields, encodeFields, toBase64Url, utf8, type Field } from './encoding';
import type { PublicKeys } from './key-record';
import { randomBytes } from './random';
import { parseRecoveryKey, RECOVERY_SECRET_BYTES } from './recovery-key';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, signFields, verifyFields } from './signature';
import {
  aeadDecrypt,
  aeadEncrypt,
  argon2id,
  ARGON2ID_SALT_BYTES,
  blake2b,
  equalBytes,
  ready,
  wipe,
} from './sodium';
import {
  asRecord,
  checkBytes,
  checkId,
  checkUint,
  publicKeyBytes,
  recordBytes,
  type JsonObject,
} from './validate';

export const WRAP_KINDS = ['prf', 'recovery', 'passphrase'] as const;
export type WrapKind = (typeof WRAP_KINDS)[number];

export const BUNDLE_PLAINTEXT_CONTEXT = 'coop/v1/bundle-plaintext';
export const KEK_CONTEXTS: Readonly<Record<WrapKind, string>> = {
  prf: 'coop/v1/kek/prf',
  recovery: 'coop/v1/kek/recovery',
  passphrase: 'coop/v1/kek/passphrase',
};
export const BUNDLE_WRAP_AD_CONTEXT = 'coop/v1/bundle-wrap';
export const BUNDLE_WRAP_RECORD_CONTEXT = 'coop/v1/bundle-wrap-record';

export const PRF_OUTPUT_BYTES = 32;
export const KEK_BYTES = 32;
export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;
/** 25 bytes of context and separator, then two fields of 1 + 4 + 32 bytes. */
export const BUNDLE_PLAINTEXT_BYTES = 99;

/** libsodium's MODERATE limits: about 3 s and 256 MiB on a laptop; stored in every wrap. */
export const ARGON2ID_DEFAULTS: Readonly<Argon2idParams> = { opslimit: 3, memlimit: 268_435_456 };
/** What writers may choose and readers accept: from INTERACTIVE (2, 64 MiB) up to (10, 1 GiB). */
export const ARGON2ID_LIMITS = {
  opslimit: { min: 2, max: 10 },
  memlimit: { min: 67_108_864, max: 1_073_741_824 },
} as const;

export interface Argon2idParams {
  opslimit: number;
  memlimit: number;
}

export interface KdfParamsV1 extends Argon2idParams {
  /** 16 bytes, base64url. */
  salt: string;
}

export interface BundleWrapV1 {
  v: 1;
  kind: WrapKind;
  /** The passkey's credential id (base64url) for 'prf'; 'recovery' or 'passphrase' otherwise. */
  wrapId: string;
  /** The key generation this bundle belongs to (the key record's generation). */
  generation: number;
  /** 24 bytes, base64url. */
  nonce: string;
  /** AEAD output (plaintext ‖ 16-byte tag), base64url. */
  ciphertext: string;
  /** Present exactly when kind is 'passphrase'. */
  kdf?: KdfParamsV1;
  /** Ed25519 by the user's signing key, base64url. */
  signature: string;
}

export interface WrapIds {
  userId: string;
  generation: number;
  /** Required for 'prf': the passkey credential id (base64url) whose PRF output is the secret. */
  credentialId?: string;
}

/** PRF output (32 bytes), recovery secret (32 bytes) or its text, or a passphrase. */
export type WrapSecret = Uint8Array | string;

interface Kdf {
  salt: Uint8Array;
  opslimit: number;
  memlimit: number;
}

function isWrapKind(value: unknown): value is WrapKind {
  return typeof value === 'string' && (WRAP_KINDS as readonly string[]).includes(value);
}

function checkKdfLimits(params: Argon2idParams): void {
  const { opslimit, memlimit } = ARGON2ID_LIMITS;
  const ok =
    Number.isSafeInteger(params.opslimit) &&
    Number.isSafeInteger(params.memlimit) &&
    params.opslimit >= opslimit.min &&
    params.opslimit <= opslimit.max &&
    params.memlimit >= memlimit.min &&
    params.memlimit <= memlimit.max;
  if (!ok) {
    throw new CryptoError(
      'invalid_kdf_parameters',
      `Argon2id limits: opslimit ${opslimit.min}-${opslimit.max}, memlimit ${memlimit.min}-${memlimit.max}`,
    );
  }
}

function wrapIdFor(kind: WrapKind, ids: WrapIds): string {
  if (kind === 'prf') return checkId(ids.credentialId, 'credentialId', 'invalid_input');
  return kind;
}

async function deriveKek(
  kind: WrapKind,
  secret: WrapSecret,
  userId: string,
  wrapId: string,
  kdf: Kdf | undefined,
): Promise<Uint8Array> {
  if (kind === 'passphrase') {
    if (typeof secret !== 'string' || secret.length === 0 || kdf === undefined) {
      throw new CryptoError('invalid_input', 'a passphrase wrap needs a non-empty passphrase');
    }
    const password = utf8(secret.normalize('NFC'));
    const stretched = await argon2id(KEK_BYTES, password, kdf.salt, kdf.opslimit, kdf.memlimit);
    const kek = blake2b(KEK_BYTES, encodeFields(KEK_CONTEXTS.passphrase, [userId]), stretched);
    wipe(password);
    wipe(stretched);
    return kek;
  }
  if (kind === 'recovery') {
    const recovery = typeof secret === 'string' ? await parseRecoveryKey(secret) : secret;
    checkBytes(recovery, 'recovery secret', RECOVERY_SECRET_BYTES);
    return blake2b(KEK_BYTES, encodeFields(KEK_CONTEXTS.recovery, [userId]), recovery);
  }
  if (!(secret instanceof Uint8Array)) {
    throw new CryptoError('invalid_input', 'a PRF wrap needs the 32-byte PRF output');
  }
  checkBytes(secret, 'PRF output', PRF_OUTPUT_BYTES);
  return blake2b(KEK_BYTES, encodeFields(KEK_CONTEXTS.prf, [userId, wrapId]), secret);
}

function wrapAd(userId: string, kind: WrapKind, wrapId: string, generation: number): Uint8Array {
  return encodeFields(BUNDLE_WRAP_AD_CONTEXT, [userId, kind, wrapId, generation]);
}

function recordFields(
  userId: string,
  kind: WrapKind,
  wrapId: string,
  generation: number,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  kdf: Kdf | undefined,
): Field[] {
  return [
    userId,
    kind,
    wrapId,
    generation,
    nonce,
    ciphertext,
    kdf?.salt ?? new Uint8Array(0),
    kdf?.opslimit ?? 0,
    kdf?.memlimit ?? 0,
  ];
}

export async function wrapBundle(
  keys: AccountKeys,
  kind: WrapKind,
  secret: WrapSecret,
  ids: WrapIds,
  options: { argon2id?: Argon2idParams } = {},
): Promise<BundleWrapV1> {
  await ready();
  if (!isWrapKind(kind))
    throw new CryptoError('invalid_input', `unknown wrap kind ${String(kind)}`);
  const userId = checkId(ids.userId, 'userId', 'invalid_input');
  const generation = checkUint(ids.generation, 'generation', 1, 'invalid_input');
  const wrapId = wrapIdFor(kind, ids);
  checkBytes(keys.encryption.secretKey, 'encryption secret key', ENCRYPTION_SECRET_KEY_BYTES);
  let kdf: Kdf | undefined;
  if (kind === 'passphrase') {
    const params = options.argon2id ?? ARGON2ID_DEFAULTS;
    checkKdfLimits(params);
    kdf = {
      salt: randomBytes(ARGON2ID_SALT_BYTES),
      opslimit: params.opslimit,
      memlimit: params.memlimit,
    };
  }
  const kek = await deriveKek(kind, secret, userId, wrapId, kdf);
  const seed = signingSeedOf(keys);
  const plaintext = encodeFields(BUNDLE_PLAINTEXT_CONTEXT, [keys.encryption.secretKey, seed]);
  const nonce = randomBytes(AEAD_NONCE_BYTES);
  const ciphertext = aeadEncrypt(plaintext, wrapAd(userId, kind, wrapId, generation), nonce, kek);
  wipe(kek);
  wipe(seed);
  wipe(plaintext);
  const fields = recordFields(userId, kind, wrapId, generation, nonce, ciphertext, kdf);
  const signature = signFields(BUNDLE_WRAP_RECORD_CONTEXT, fields, keys.signing.secretKey);
  const record: BundleWrapV1 = {
    v: 1,
    kind,
    wrapId,
    generation,
    nonce: toBase64Url(nonce),
    ciphertext: toBase64Url(ciphertext),
    ...(kdf && {
      kdf: { salt: toBase64Url(kdf.salt), opslimit: kdf.opslimit, memlimit: kdf.memlimit },
    }),
    signature: toBase64Url(signature),
  };
  return record;
}

interface DecodedWrap {
  record: BundleWrapV1;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
  signature: Uint8Array;
  kdf: Kdf | undefined;
}

/** Checks the shape of a wrap record (not its signature) and decodes its binary fields. */
export function parseWrapRecord(value: unknown): DecodedWrap {
  const raw = asRecord(
    value,
    'wrap record',
    ['v', 'kind', 'wrapId', 'generation', 'nonce', 'ciphertext', 'signature'],
    ['kdf'],
  );
  const kind = raw['kind'];
  if (!isWrapKind(kind)) throw new CryptoError('invalid_record', 'wrap record: unknown kind');
  const wrapId = checkId(raw['wrapId'], 'wrapId', 'invalid_record');
  if (kind !== 'prf' && wrapId !== kind) {
    throw new CryptoError('invalid_record', `wrap record: a ${kind} wrap has wrapId "${kind}"`);
  }
  checkUint(raw['generation'], 'generation', 1, 'invalid_record');
  if ((kind === 'passphrase') !== (raw['kdf'] !== undefined)) {
    throw new CryptoError('invalid_record', 'wrap record: kdf is present exactly for passphrase');
  }
  let kdf: Kdf | undefined;
  if (raw['kdf'] !== undefined) {
    const params = raw['kdf'];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new CryptoError('invalid_record', 'wrap record: kdf is an object');
    }
    const fields = params as JsonObject;
    const names = Object.keys(fields).sort().join();
    if (names !== 'memlimit,opslimit,salt') {
      throw new CryptoError('invalid_record', 'wrap record: kdf has salt, opslimit, memlimit');
    }
    kdf = {
      salt: recordBytes(fields['salt'], 'kdf.salt', ARGON2ID_SALT_BYTES),
      opslimit: checkUint(fields['opslimit'], 'kdf.opslimit', 1, 'invalid_record'),
      memlimit: checkUint(fields['memlimit'], 'kdf.memlimit', 1, 'invalid_record'),
    };
    checkKdfLimits(kdf);
  }
  return {
    record: raw as unknown as BundleWrapV1,
    nonce: recordBytes(raw['nonce'], 'nonce', AEAD_NONCE_BYTES),
    ciphertext: recordBytes(
      raw['ciphertext'],
      'ciphertext',
      BUNDLE_PLAINTEXT_BYTES + AEAD_TAG_BYTES,
    ),
    signature: recordBytes(raw['signature'], 'signature', SIGNATURE_BYTES),
    kdf,
  };
}

function checkWrapSignature(decoded: DecodedWrap, userId: string, signingKey: Uint8Array): void {
  const { record } = decoded;
  const fields = recordFields(
    userId,
    record.kind,
    record.wrapId,
    record.generation,
    decoded.nonce,
    decoded.ciphertext,
    decoded.kdf,
  );
  if (!verifyFields(BUNDLE_WRAP_RECORD_CONTEXT, fields, decoded.signature, signingKey)) {
    throw new CryptoError('invalid_signature', 'the wrap record is not signed by this user key');
  }
}

/**
 * What the server checks before storing a wrap: well-formed, version 1, signed by `signingKey`
 * (the user's current Ed25519 key, bytes or base64url) for `userId`.
 */
export async function verifyWrapRecord(
  value: unknown,
  userId: string,
  signingKey: Uint8Array | string,
): Promise<boolean> {
  await ready();
  try {
    const key = publicKeyBytes(signingKey, 'signingKey', SIGNING_PUBLIC_KEY_BYTES);
    checkWrapSignature(parseWrapRecord(value), checkId(userId, 'userId', 'invalid_input'), key);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

/**
 * Opens a wrap: checks its shape, that it is the wrap the caller asked for (generation, and
 * credential id for 'prf'), its signature by the expected key, then decrypts. `expected` is
 * the user's signing key, or their public keys (e.g. the verified key record), which the
 * decrypted secrets must match. Throws CryptoError on any failure.
 */
export async function unwrapBundle(
  value: unknown,
  secret: WrapSecret,
  ids: WrapIds,
  expected: Uint8Array | string | PublicKeys,
): Promise<AccountKeys> {
  await ready();
  const userId = checkId(ids.userId, 'userId', 'invalid_input');
  const expectedSigning =
    typeof expected === 'string' || expected instanceof Uint8Array
      ? publicKeyBytes(expected, 'expected signing key', SIGNING_PUBLIC_KEY_BYTES)
      : publicKeyBytes(expected.signingKey, 'expected signing key', SIGNING_PUBLIC_KEY_BYTES);
  const expectedEncryption =
    typeof expected === 'string' || expected instanceof Uint8Array
      ? undefined
      : publicKeyBytes(
          expected.encryptionKey,
          'expected encryption key',
          ENCRYPTION_PUBLIC_KEY_BYTES,
        );
  const decoded = parseWrapRecord(value);
  const { record } = decoded;
  if (record.generation !== ids.generation) {
    throw new CryptoError('context_mismatch', 'the wrap belongs to another key generation');
  }
  if (record.kind === 'prf' && record.wrapId !== ids.credentialId) {
    throw new CryptoError('context_mismatch', 'the wrap belongs to another passkey');
  }
  checkWrapSignature(decoded, userId, expectedSigning);
  const kek = await deriveKek(record.kind, secret, userId, record.wrapId, decoded.kdf);
  let plaintext: Uint8Array;
  try {
    plaintext = aeadDecrypt(
      decoded.ciphertext,
      wrapAd(userId, record.kind, record.wrapId, record.generation),
      decoded.nonce,
      kek,
    );
  } finally {
    wipe(kek);
  }
  const fields = decodeFields(BUNDLE_PLAINTEXT_CONTEXT, plaintext);
  wipe(plaintext);
  const [encryptionSecretKey, signingSeed] = fields;
  if (
    fields.length !== 2 ||
    !(encryptionSecretKey instanceof Uint8Array) ||
    !(signingSeed instanceof Uint8Array) ||
    encryptionSecretKey.length !== ENCRYPTION_SECRET_KEY_BYTES ||
    signingSeed.length !== SEED_BYTES
  ) {
    throw new CryptoError('invalid_record', 'the key bundle does not hold two 32-byte secrets');
  }
  const keys = accountKeysFromSecrets(encryptionSecretKey, signingSeed);
  wipe(encryptionSecretKey);
  wipe(signingSeed);
  const matches =
    equalBytes(keys.signing.publicKey, expectedSigning) &&
    (expectedEncryption === undefined || equalBytes(keys.encryption.publicKey, expectedEncryption));
  if (!matches) {
    throw new CryptoError('key_mismatch', 'the key bundle holds keys other than the expected ones');
  }
  return keys;
}
