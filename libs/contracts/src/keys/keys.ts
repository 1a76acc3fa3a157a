import { z } from 'zod';
import { roleSchema } from '../identity/identity';

const b64url = (max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url')
    .max(max);

/** A self-signed public key record (protocol v1, docs/security/protocol.md). */
export const keyRecordSchema = z.strictObject({
  v: z.literal(1),
  userId: z.uuid(),
  generation: z.number().int().min(1).max(1_000_000),
  encryptionKey: b64url(64),
  signingKey: b64url(64),
  createdAt: z.iso.datetime({ offset: true }),
  signature: b64url(128),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const WRAP_KINDS = ['prf', 'recovery', 'passphrase'] as const;
export const wrapKindSchema = z.enum(WRAP_KINDS);
export type WrapKind = z.infer<typeof wrapKindSchema>;

/** The private key bundle wrapped under one secret; opaque to the server except its signature. */
export const wrapRecordSchema = z.strictObject({
  v: z.literal(1),
  kind: wrapKindSchema,
  wrapId: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[A-Za-z0-9_-]+$/),
  generation: z.number().int().min(1).max(1_000_000),
  nonce: b64url(64),
  ciphertext: b64url(4096),
  kdf: z
    .strictObject({
      salt: b64url(64),
      opslimit: z.number().int().positive(),
      memlimit: z.number().int().positive(),
    })
    .optional(),
  signature: b64url(128),
});
export type WrapRecord = z.infer<typeof wrapRecordSchema>;

export const enrolKeysSchema = z.strictObject({
  record: keyRecordSchema,
  wraps: z.array(wrapRecordSchema).min(1).max(20),
});
export type EnrolKeys = z.infer<typeof enrolKeysSchema>;

export const putWrapSchema = z.strictObject({ wrap: wrapRecordSchema });

/** A Registry admin's signed statement binding a user, State, roles and key fingerprint. */
export const attestationSchema = z.strictObject({
  v: z.literal(1),
  subjectUserId: z.uuid(),
  stateCode: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  roles: z.array(roleSchema).min(1).max(3),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  attesterUserId: z.uuid(),
  attesterFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  attestedAt: z.iso.datetime({ offset: true }),
  signature: b64url(128),
});
export type Attestation = z.infer<typeof attestationSchema>;

export const keyHistoryEntrySchema = z.strictObject({
  generation: z.number(),
  fingerprint: z.string(),
  createdAt: z.string(),
});

export const userKeysSchema = z.strictObject({
  userId: z.uuid(),
  current: keyRecordSchema.nullable(),
  fingerprint: z.string().nullable(),
  history: z.array(keyHistoryEntrySchema),
  attestations: z.array(attestationSchema),
});
export type UserKeys = z.infer<typeof userKeysSchema>;

export const recordVerificationSchema = z.strictObject({
  subjectUserId: z.uuid(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});

export const verificationSchema = z.strictObject({
  subjectUserId: z.uuid(),
  fingerprint: z.string(),
  verifiedAt: z.string(),
  /** The contact's key changed since it was verified. */
  stale: z.boolean(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** The first Registry admin's key: the root of trust every attestation chain leads to. */
export const rootKeySchema = z
  .strictObject({ userId: z.uuid(), displayName: z.string(), fingerprint: z.string() })
  .nullable();
