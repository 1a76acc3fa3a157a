export { CRYPTO_ERROR_CODES, CryptoError, isCryptoError, type CryptoErrorCode } from './errors';
export * as v1 from './v1';
export { ready } from './v1/sodium';
export { toBase64Url, fromBase64Url, toHex, fromHex, encodeFields } from './v1/encoding';
export {
  generateAccountKeys,
  wipeAccountKeys,
  type AccountKeys,
  type KeyPair,
} from './v1/account-keys';
export {
  createKeyRecord,
  verifyKeyRecord,
  readKeyRecord,
  fingerprint,
  type KeyRecordV1,
  type PublicKeys,
} from './v1/key-record';
export { generateRecoveryKey, parseRecoveryKey, type RecoveryKey } from './v1/recovery-key';
export {
  wrapBundle,
  unwrapBundle,
  verifyWrapRecord,
  WRAP_KINDS,
  type WrapKind,
  type WrapIds,
  type WrapSecret,
  type BundleWrapV1,
  type KdfParamsV1,
  type Argon2idParams,
} from './v1/bundle';
export { safetyNumber, qrPayload, compareQrPayload, type SafetyParty } from './v1/safety-number';
export {
  sealEnvelope,
  openEnvelope,
  verifyEnvelope,
  type EnvelopeV1,
  type EnvelopeContext,
  type KeyHolder,
  type ExpectedSender,
} from './v1/envelope';
export { encryptPayload, decryptPayload, type PayloadAd, type PayloadV1 } from './v1/payload';
export { sign, verify } from './v1/signature';
export {
  encryptFileStream,
  decryptFileStream,
  encryptedFileSize,
  FILE_CHUNK_BYTES,
  type ByteSource,
  type EncryptedFileStream,
} from './v1/file-stream';
export {
  createAttestation,
  verifyAttestation,
  type AttestationV1,
  type AttestationStatement,
} from './v1/attestation';
