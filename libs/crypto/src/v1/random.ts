/*
 * All randomness of protocol v1 (key seeds, nonces, salts, recovery secrets, file keys) is drawn
 * here, so tests can substitute a deterministic source (see testing.ts) and reproduce the
 * known-answer vectors. Two draws escape it because libsodium makes them internally: the
 * ephemeral key of crypto_box_seal and the secretstream header.
 */
import { CryptoError } from '../errors';
import { systemRandomBytes } from './sodium';

export type RandomSource = (length: number) => Uint8Array;

let override: RandomSource | undefined;

export function randomBytes(length: number): Uint8Array {
  const bytes = override ? override(length) : systemRandomBytes(length);
  if (bytes.length !== length) {
    throw new CryptoError('invalid_input', 'the random source returned the wrong number of bytes');
  }
  return bytes;
}

/** For testing.ts only: not exported from the package entry. */
export function setRandomSource(source: RandomSource | undefined): void {
  override = source;
}
