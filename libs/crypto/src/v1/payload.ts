/*
 * AEAD payloads (messages, drafts, answers), protocol v1: XChaCha20-Poly1305-IETF under a
 * 32-byte symmetric key (e.g. a channel epoch key), a fresh random 24-byte nonce per payload
 * (random nonces are safe at this size), and associated data
 *   encodeFields('coop/v1/payload/' + purpose, [...ids, epoch, sender])
 * ids are strings and epoch is a number, so the field types keep the list unambiguous.
 * Decryption with any other key, purpose, ids, epoch or sender fails. Readers reject v ≠ 1.
 */
import { CryptoError } from '../errors';
import { encodeFields, toBase64Url, utf8 } from './encoding';
import { randomBytes } from './random';
import { aeadDecrypt, aeadEncrypt, ready } from './sodium';
import { asRecord, checkBytes, checkId, checkPurpose, checkUint, recordBytes } from './validate';

export const PAYLOAD_CONTEXT_PREFIX = 'coop/v1/payload/';
export const PAYLOAD_KEY_BYTES = 32;
export const PAYLOAD_NONCE_BYTES = 24;
const TAG_BYTES = 16;
const MAX_IDS = 16;

export interface PayloadAd {
  /** e.g. 'message', 'draft': 1-64 characters of a-z, 0-9 and -. */
  purpose: string;
  /** What the payload belongs to, most general first, e.g. [channelId, messageId]. */
  ids: readonly string[];
  epoch: number;
  /** The author's user id. */
  sender: string;
}

export interface PayloadV1 {
  v: 1;
  /** 24 bytes, base64url. */
  nonce: string;
  /** AEAD output (plaintext ‖ 16-byte tag), base64url. */
  ciphertext: string;
}

/** The associated data bytes for `ad` (exported for vectors and other implementations' tests). */
export function payloadAd(ad: PayloadAd): Uint8Array {
  const purpose = checkPurpose(ad.purpose, 'invalid_input');
  if (!Array.isArray(ad.ids) || ad.ids.length === 0 || ad.ids.length > MAX_IDS) {
    throw new CryptoError('invalid_input', `ids: 1 to ${MAX_IDS} strings`);
  }
  const ids = ad.ids.map((id) => checkId(id, 'id', 'invalid_input'));
  const epoch = checkUint(ad.epoch, 'epoch', 0, 'invalid_input');
  const sender = checkId(ad.sender, 'sender', 'invalid_input');
  return encodeFields(PAYLOAD_CONTEXT_PREFIX + purpose, [...ids, epoch, sender]);
}

export async function encryptPayload(
  key: Uint8Array,
  plaintext: Uint8Array | string,
  ad: PayloadAd,
): Promise<PayloadV1> {
  await ready();
  checkBytes(key, 'key', PAYLOAD_KEY_BYTES);
  const message = typeof plaintext === 'string' ? utf8(plaintext) : plaintext;
  if (!(message instanceof Uint8Array)) {
    throw new CryptoError('invalid_input', 'plaintext: Uint8Array or string');
  }
  const associated = payloadAd(ad);
  const nonce = randomBytes(PAYLOAD_NONCE_BYTES);
  return {
    v: 1,
    nonce: toBase64Url(nonce),
    ciphertext: toBase64Url(aeadEncrypt(message, associated, nonce, key)),
  };
}

/** Throws CryptoError('decryption_failed') for any other key, AD or a modified byte. */
export async function decryptPayload(
  key: Uint8Array,
  payload: unknown,
  ad: PayloadAd,
): Promise<Uint8Array> {
  await ready();
  checkBytes(key, 'key', PAYLOAD_KEY_BYTES);
  const raw = asRecord(payload, 'payload', ['v', 'nonce', 'ciphertext']);
  const nonce = recordBytes(raw['nonce'], 'nonce', PAYLOAD_NONCE_BYTES);
  const ciphertext = recordBytes(raw['ciphertext'], 'ciphertext');
  if (ciphertext.length < TAG_BYTES) {
    throw new CryptoError('invalid_record', 'payload: ciphertext shorter than its tag');
  }
  return aeadDecrypt(ciphertext, payloadAd(ad), nonce, key);
}
