/*
 * The only file that imports libsodium. It re-exports the few operations protocol v1 uses, as
 * plain functions over Uint8Array, and nothing else. The standard build serves everything but
 * Argon2id, which only the sumo build has: that one is loaded on first use so a browser that
 * never sees a passphrase never downloads it.
 */
import sodium, { type StateAddress } from 'libsodium-wrappers';
import { CryptoError } from '../errors';

let loading: Promise<void> | undefined;
let loaded = false;

/** Loads libsodium (WebAssembly). Idempotent; every async function of the library awaits it. */
export function ready(): Promise<void> {
  loading ??= sodium.ready.then(() => {
    loaded = true;
  });
  return loading;
}

function lib(): typeof sodium {
  if (!loaded) throw new CryptoError('not_ready', 'libsodium is not loaded: await ready() first');
  return sodium;
}

export function systemRandomBytes(length: number): Uint8Array {
  return lib().randombytes_buf(length);
}

/** ChaCha20 keystream keyed by a 32-byte seed: libsodium's randombytes_buf_deterministic. */
export function deterministicBytes(length: number, seed: Uint8Array): Uint8Array {
  return lib().randombytes_buf_deterministic(length, seed);
}

export interface RawKeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function boxSeedKeypair(seed: Uint8Array): RawKeyPair {
  const pair = lib().crypto_box_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

export function boxPublicKey(secretKey: Uint8Array): Uint8Array {
  return lib().crypto_scalarmult_base(secretKey);
}

export function signSeedKeypair(seed: Uint8Array): RawKeyPair {
  const pair = lib().crypto_sign_seed_keypair(seed);
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
}

export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return lib().crypto_sign_detached(message, secretKey);
}

export function verifyDetached(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  try {
    return lib().crypto_sign_verify_detached(signature, message, publicKey);
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    // libsodium throws on malformed keys; for a verifier that is simply "does not verify".
    return false;
  }
}

export function seal(message: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return lib().crypto_box_seal(message, publicKey);
}

export function sealOpen(
  sealed: Uint8Array,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
): Uint8Array {
  const box = lib();
  try {
    return box.crypto_box_seal_open(sealed, publicKey, secretKey);
  } catch {
    throw new CryptoError('decryption_failed', 'the sealed box does not open with this key');
  }
}

export function aeadEncrypt(
  message: Uint8Array,
  associatedData: Uint8Array,
  nonce: Uint8Array,
  key: Uint8Array,
): Uint8Array {
  return lib().crypto_aead_xchacha20poly1305_ietf_encrypt(
    message,
    associatedData,
    null,
    nonce,
    key,
  );
}

export function aeadDecrypt(
  ciphertext: Uint8Array,
  associatedData: Uint8Array,
  nonce: Uint8Array,
  key: Uint8Array,
): Uint8Array {
  const box = lib();
  try {
    return box.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      associatedData,
      nonce,
      key,
    );
  } catch {
    throw new CryptoError('decryption_failed', 'authenticated decryption failed');
  }
}

/** BLAKE2b (crypto_generichash) with an optional key. */
export function blake2b(length: number, message: Uint8Array, key: Uint8Array | null): Uint8Array {
  return lib().crypto_generichash(length, message, key);
}

/** SHA-512: libsodium's crypto_hash, whose primitive is SHA-512 (the standard build has no crypto_hash_sha512 alias). */
export function sha512(message: Uint8Array): Uint8Array {
  return lib().crypto_hash(message);
}

/** Constant-time equality of two byte strings (false when the lengths differ). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && lib().memcmp(a, b);
}

/** Best-effort erasure of a secret held in a JavaScript buffer. */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}

export type StreamState = StateAddress;

export const STREAM_TAG_MESSAGE = 0;
export const STREAM_TAG_FINAL = 3;

export function streamInitPush(key: Uint8Array): { state: StreamState; header: Uint8Array } {
  return lib().crypto_secretstream_xchacha20poly1305_init_push(key);
}

export function streamPush(state: StreamState, message: Uint8Array, tag: number): Uint8Array {
  return lib().crypto_secretstream_xchacha20poly1305_push(state, message, null, tag);
}

export function streamInitPull(header: Uint8Array, key: Uint8Array): StreamState {
  return lib().crypto_secretstream_xchacha20poly1305_init_pull(header, key);
}

/** Returns false when the chunk does not authenticate in this position of the stream. */
export function streamPull(
  state: StreamState,
  chunk: Uint8Array,
): { message: Uint8Array; tag: number } | false {
  const box = lib();
  try {
    return box.crypto_secretstream_xchacha20poly1305_pull(state, chunk, null);
  } catch {
    return false;
  }
}

const importSumo = () => import('libsodium-wrappers-sumo');
type Sumo = Awaited<ReturnType<typeof importSumo>>['default'];
let sumo: Promise<Sumo> | undefined;

async function loadSumo(): Promise<Sumo> {
  sumo ??= importSumo().then(async (module) => {
    await module.default.ready;
    return module.default;
  });
  return sumo;
}

export const ARGON2ID_SALT_BYTES = 16;

/** Argon2id v1.3 (crypto_pwhash, ALG_ARGON2ID13) from the lazily loaded sumo build. */
export async function argon2id(
  length: number,
  password: Uint8Array,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
): Promise<Uint8Array> {
  const box = await loadSumo();
  return box.crypto_pwhash(
    length,
    password,
    salt,
    opslimit,
    memlimit,
    box.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/** libsodium's own constants, so a spec can check the protocol's fixed sizes against them. */
export function libraryConstants(): Record<string, number | string> {
  const box = lib();
  return {
    version: box.SODIUM_VERSION_STRING,
    boxPublicKeyBytes: box.crypto_box_PUBLICKEYBYTES,
    boxSecretKeyBytes: box.crypto_box_SECRETKEYBYTES,
    boxSeedBytes: box.crypto_box_SEEDBYTES,
    sealBytes: box.crypto_box_SEALBYTES,
    signPublicKeyBytes: box.crypto_sign_PUBLICKEYBYTES,
    signSecretKeyBytes: box.crypto_sign_SECRETKEYBYTES,
    signSeedBytes: box.crypto_sign_SEEDBYTES,
    signatureBytes: box.crypto_sign_BYTES,
    aeadKeyBytes: box.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    aeadNonceBytes: box.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
    aeadTagBytes: box.crypto_aead_xchacha20poly1305_ietf_ABYTES,
    streamKeyBytes: box.crypto_secretstream_xchacha20poly1305_KEYBYTES,
    streamHeaderBytes: box.crypto_secretstream_xchacha20poly1305_HEADERBYTES,
    streamABytes: box.crypto_secretstream_xchacha20poly1305_ABYTES,
    streamTagMessage: box.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE,
    streamTagFinal: box.crypto_secretstream_xchacha20poly1305_TAG_FINAL,
    hashBytes: box.crypto_hash_BYTES,
  };
}

export async function sumoConstants(): Promise<Record<string, number>> {
  const box = await loadSumo();
  return {
    saltBytes: box.crypto_pwhash_SALTBYTES,
    opslimitInteractive: box.crypto_pwhash_OPSLIMIT_INTERACTIVE,
    memlimitInteractive: box.crypto_pwhash_MEMLIMIT_INTERACTIVE,
    opslimitModerate: box.crypto_pwhash_OPSLIMIT_MODERATE,
    memlimitModerate: box.crypto_pwhash_MEMLIMIT_MODERATE,
  };
}
