/*
 * A user's account keys: an X25519 key pair (crypto_box_seed_keypair) for receiving sealed keys
 * and an Ed25519 key pair (crypto_sign_seed_keypair) for signing. Each comes from its own
 * 32-byte random seed, drawn through random.ts in that order (encryption, then signing), so the
 * test seam makes them reproducible. No nonce, no associated data. Version 1.
 */
import { randomBytes } from './random';
import { boxPublicKey, boxSeedKeypair, ready, signSeedKeypair, wipe } from './sodium';
import { checkBytes } from './validate';

export const SEED_BYTES = 32;
export const ENCRYPTION_PUBLIC_KEY_BYTES = 32;
export const ENCRYPTION_SECRET_KEY_BYTES = 32;

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export interface AccountKeys {
  /** X25519: publicKey 32 bytes, secretKey 32 bytes. */
  encryption: KeyPair;
  /** Ed25519: publicKey 32 bytes, secretKey 64 bytes (libsodium's seed ‖ public key). */
  signing: KeyPair;
}

export async function generateAccountKeys(): Promise<AccountKeys> {
  await ready();
  const encryptionSeed = randomBytes(SEED_BYTES);
  const signingSeed = randomBytes(SEED_BYTES);
  const encryption = boxSeedKeypair(encryptionSeed);
  const signing = signSeedKeypair(signingSeed);
  wipe(encryptionSeed);
  wipe(signingSeed);
  return { encryption, signing };
}

/** The 32-byte Ed25519 seed: the first half of libsodium's 64-byte signing secret key. */
export function signingSeedOf(keys: AccountKeys): Uint8Array {
  return keys.signing.secretKey.slice(0, SEED_BYTES);
}

/** Rebuilds both key pairs from what the private key bundle stores. libsodium must be loaded. */
export function accountKeysFromSecrets(
  encryptionSecretKey: Uint8Array,
  signingSeed: Uint8Array,
): AccountKeys {
  checkBytes(encryptionSecretKey, 'encryption secret key', ENCRYPTION_SECRET_KEY_BYTES);
  checkBytes(signingSeed, 'signing seed', SEED_BYTES);
  return {
    encryption: {
      publicKey: boxPublicKey(encryptionSecretKey),
      secretKey: encryptionSecretKey.slice(),
    },
    signing: signSeedKeypair(signingSeed),
  };
}

/** Overwrites the secret halves, e.g. at sign-out. JavaScript cannot promise no copy remains. */
export function wipeAccountKeys(keys: AccountKeys): void {
  wipe(keys.encryption.secretKey);
  wipe(keys.signing.secretKey);
}
