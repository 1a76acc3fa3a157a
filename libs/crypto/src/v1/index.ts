// The protocol's named operations; the primitives under them (field encoding, raw signatures,
// hashes) stay inside the library so every signature and hash is made under its own context.
export { ready } from './sodium';
export {
  generateAccountKeys,
  wipeAccountKeys,
  type AccountKeys,
  type KeyPair,
} from './account-keys';
export {
  createKeyRecord,
  verifyKeyRecord,
  readKeyRecord,
  fingerprint,
  type KeyRecordV1,
  type PublicKeys,
} from './key-record';
export { generateRecoveryKey, parseRecoveryKey, type RecoveryKey } from './recovery-key';
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
} from './bundle';
export { safetyNumber, qrPayload, compareQrPayload, type SafetyParty } from './safety-number';
export {
  sealEnvelope,
  openEnvelope,
  verifyEnvelope,
  type EnvelopeV1,
  type EnvelopeContext,
  type KeyHolder,
  type ExpectedSender,
} from './envelope';
export { encryptPayload, decryptPayload, type PayloadAd, type PayloadV1 } from './payload';
export {
  encryptFileStream,
  decryptFileStream,
  encryptedFileSize,
  FILE_CHUNK_BYTES,
  type ByteSource,
  type EncryptedFileStream,
} from './file-stream';
export {
  createAttestation,
  verifyAttestation,
  type AttestationV1,
  type AttestationStatement,
} from './attestation';
