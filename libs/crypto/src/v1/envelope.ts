/*
 * Sealed key envelope, protocol v1: delivers a 32-byte symmetric key (e.g. a channel epoch key)
 * to one recipient.
 *   sealed = crypto_box_seal(key, recipient X25519 public key)   (ephemeral key and nonce are
 *            libsodium's own; no associated data)
 * A sealed box does not say who sealed it, so the sender signs the envelope with Ed25519 over
 *   encodeFields('coop/v1/envelope', [purpose, channelId, epoch, recipientUserId,
 *                                     recipientFingerprint (32 raw bytes), senderUserId, sealed])
 * The recipient verifies that signature with the sender key it expects, checks that recipient,
 * fingerprint, purpose, channel and epoch are what it expects, and only then opens the box.
 * Readers reject v ≠ 1.
 */
import { CryptoError } from '../errors';
import {
  ENCRYPTION_PUBLIC_KEY_BYTES,
  ENCRYPTION_SECRET_KEY_BYTES,
  type AccountKeys,
} from './account-keys';
import { fromHex, toBase64Url, type Field } from './encoding';
import { fingerprintOf, readKeyRecord } from './key-record';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, signFields, verifyFields } from './signature';
import { ready, seal, sealOpen } from './sodium';
import {
  asRecord,
  checkBytes,
  checkId,
  checkPurpose,
  checkUint,
  publicKeyBytes,
  recordBytes,
} from './validate';

export const ENVELOPE_CONTEXT = 'coop/v1/envelope';
export const ENVELOPE_KEY_BYTES = 32;
/** crypto_box_SEALBYTES (32-byte ephemeral public key + 16-byte tag) + the key. */
export const ENVELOPE_SEALED_BYTES = 48 + ENVELOPE_KEY_BYTES;

export interface EnvelopeContext {
  /** What the key is for, e.g. 'channel-epoch-key': 1-64 characters of a-z, 0-9 and -. */
  purpose: string;
  channelId: string;
  epoch: number;
}

export interface EnvelopeV1 extends EnvelopeContext {
  v: 1;
  recipientUserId: string;
  /** fingerprint() of the recipient key record the key was sealed to: 64 hex characters. */
  recipientFingerprint: string;
  senderUserId: string;
  /** crypto_box_seal output, base64url (80 bytes). */
  sealed: string;
  /** Ed25519 by the sender, base64url. */
  signature: string;
}

export interface KeyHolder {
  userId: string;
  keys: AccountKeys;
}

export interface ExpectedSender {
  userId: string;
  /** Ed25519 public key, bytes or base64url. */
  signingKey: Uint8Array | string;
}

const FIELDS = [
  'v',
  'purpose',
  'channelId',
  'epoch',
  'recipientUserId',
  'recipientFingerprint',
  'senderUserId',
  'sealed',
  'signature',
] as const;

function checkContext(context: EnvelopeContext): EnvelopeContext {
  return {
    purpose: checkPurpose(context.purpose, 'invalid_input'),
    channelId: checkId(context.channelId, 'channelId', 'invalid_input'),
    epoch: checkUint(context.epoch, 'epoch', 0, 'invalid_input'),
  };
}

function signedFields(
  envelope: Omit<EnvelopeV1, 'v' | 'sealed' | 'signature'>,
  sealed: Uint8Array,
): Field[] {
  return [
    envelope.purpose,
    envelope.channelId,
    envelope.epoch,
    envelope.recipientUserId,
    fromHex(envelope.recipientFingerprint, 32),
    envelope.senderUserId,
    sealed,
  ];
}

/**
 * Seals `key` to the recipient's verified key record and signs the envelope as `sender`.
 * Throws CryptoError when the record does not verify.
 */
export async function sealEnvelope(
  key: Uint8Array,
  context: EnvelopeContext,
  sender: KeyHolder,
  recipientRecord: unknown,
): Promise<EnvelopeV1> {
  await ready();
  checkBytes(key, 'key', ENVELOPE_KEY_BYTES);
  const { purpose, channelId, epoch } = checkContext(context);
  const senderUserId = checkId(sender.userId, 'sender userId', 'invalid_input');
  const recipient = await readKeyRecord(recipientRecord);
  const sealed = seal(key, recipient.encryptionKey);
  const unsigned = {
    purpose,
    channelId,
    epoch,
    recipientUserId: recipient.record.userId,
    recipientFingerprint: fingerprintOf(recipient.signingKey, recipient.encryptionKey),
    senderUserId,
  };
  const signature = signFields(
    ENVELOPE_CONTEXT,
    signedFields(unsigned, sealed),
    sender.keys.signing.secretKey,
  );
  return { v: 1, ...unsigned, sealed: toBase64Url(sealed), signature: toBase64Url(signature) };
}

interface DecodedEnvelope {
  envelope: EnvelopeV1;
  sealed: Uint8Array;
  signature: Uint8Array;
}

export function parseEnvelope(value: unknown): DecodedEnvelope {
  const raw = asRecord(value, 'envelope', FIELDS);
  checkPurpose(raw['purpose'], 'invalid_record');
  checkId(raw['channelId'], 'channelId', 'invalid_record');
  checkUint(raw['epoch'], 'epoch', 0, 'invalid_record');
  checkId(raw['recipientUserId'], 'recipientUserId', 'invalid_record');
  checkId(raw['senderUserId'], 'senderUserId', 'invalid_record');
  const print = raw['recipientFingerprint'];
  if (typeof print !== 'string' || !/^[0-9a-f]{64}$/.test(print)) {
    throw new CryptoError('invalid_record', 'envelope: recipientFingerprint is 64 hex characters');
  }
  return {
    envelope: raw as unknown as EnvelopeV1,
    sealed: recordBytes(raw['sealed'], 'sealed', ENVELOPE_SEALED_BYTES),
    signature: recordBytes(raw['signature'], 'signature', SIGNATURE_BYTES),
  };
}

function checkSignature(decoded: DecodedEnvelope, signingKey: Uint8Array): void {
  const fields = signedFields(decoded.envelope, decoded.sealed);
  if (!verifyFields(ENVELOPE_CONTEXT, fields, decoded.signature, signingKey)) {
    throw new CryptoError('invalid_signature', 'the envelope is not signed by the expected sender');
  }
}

/** What the server can check: a well-formed v1 envelope signed by `senderSigningKey`. */
export async function verifyEnvelope(
  value: unknown,
  senderSigningKey: Uint8Array | string,
): Promise<boolean> {
  await ready();
  try {
    const key = publicKeyBytes(senderSigningKey, 'senderSigningKey', SIGNING_PUBLIC_KEY_BYTES);
    checkSignature(parseEnvelope(value), key);
    return true;
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}

/** Verifies, checks recipient and context, then opens: returns the 32-byte key. */
export async function openEnvelope(
  value: unknown,
  recipient: KeyHolder,
  expectedSender: ExpectedSender,
  expectedContext: EnvelopeContext,
): Promise<Uint8Array> {
  await ready();
  const context = checkContext(expectedContext);
  const senderKey = publicKeyBytes(
    expectedSender.signingKey,
    'expected sender signing key',
    SIGNING_PUBLIC_KEY_BYTES,
  );
  const { encryption, signing } = recipient.keys;
  checkBytes(encryption.publicKey, 'recipient encryption key', ENCRYPTION_PUBLIC_KEY_BYTES);
  checkBytes(encryption.secretKey, 'recipient encryption secret key', ENCRYPTION_SECRET_KEY_BYTES);
  checkBytes(signing.publicKey, 'recipient signing key', SIGNING_PUBLIC_KEY_BYTES);
  const decoded = parseEnvelope(value);
  checkSignature(decoded, senderKey);
  const { envelope } = decoded;
  if (envelope.senderUserId !== expectedSender.userId) {
    throw new CryptoError('context_mismatch', 'the envelope names another sender');
  }
  if (
    envelope.recipientUserId !== recipient.userId ||
    envelope.recipientFingerprint !== fingerprintOf(signing.publicKey, encryption.publicKey)
  ) {
    throw new CryptoError('recipient_mismatch', 'the envelope was sealed for another key');
  }
  if (
    envelope.purpose !== context.purpose ||
    envelope.channelId !== context.channelId ||
    envelope.epoch !== context.epoch
  ) {
    throw new CryptoError(
      'context_mismatch',
      'the envelope is for another purpose, channel or epoch',
    );
  }
  return sealOpen(decoded.sealed, encryption.publicKey, encryption.secretKey);
}
