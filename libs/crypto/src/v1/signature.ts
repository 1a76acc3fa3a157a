/*
 * Ed25519 signatures (crypto_sign_detached) over encodeFields(context, fields).
 * Inputs: a `coop/v1/...` context string unique to the signed object, its fields in a fixed
 * order, a 64-byte libsodium signing secret key (seed ‖ public key) or a 32-byte public key.
 * No nonce; no associated data. Version 1: a v2 signs under new context strings.
 */
import { encodeFields, type Field } from './encoding';
import { signDetached, verifyDetached } from './sodium';
import { checkBytes } from './validate';

export const SIGNATURE_BYTES = 64;
export const SIGNING_PUBLIC_KEY_BYTES = 32;
export const SIGNING_SECRET_KEY_BYTES = 64;

/** For the other v1 operations, each under its own context; they await ready() first. */
export function signFields(
  context: string,
  fields: readonly Field[],
  signingSecretKey: Uint8Array,
): Uint8Array {
  checkBytes(signingSecretKey, 'signing secret key', SIGNING_SECRET_KEY_BYTES);
  return signDetached(encodeFields(context, fields), signingSecretKey);
}

export function verifyFields(
  context: string,
  fields: readonly Field[],
  signature: Uint8Array,
  signingPublicKey: Uint8Array,
): boolean {
  if (
    signature.length !== SIGNATURE_BYTES ||
    signingPublicKey.length !== SIGNING_PUBLIC_KEY_BYTES
  ) {
    return false;
  }
  return verifyDetached(signature, encodeFields(context, fields), signingPublicKey);
}
