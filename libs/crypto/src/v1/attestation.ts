/*
 * Key attestation, protocol v1: a Registry admin's signed statement that, after checking out of
 * band, this user (State, roles) holds the key with this fingerprint. Ed25519 by the attester's
 * signing key over
 *   encodeFields('coop/v1/attestation', [subjectUserId, stateCode or '', roles.length, ...roles,
 *     fingerprint (32 raw bytes), attesterUserId, attesterFingerprint (32 raw bytes), attestedAt])
 * stateCode null is encoded as '' (a State code is never empty); the role count keeps the list
 * unambiguous. No nonce, no associated data. Readers reject v ≠ 1.
 */
import { CryptoError } from '../errors';
import type { AccountKeys } from './account-keys';
import { fromHex, toBase64Url, type Field } from './encoding';
import { SIGNATURE_BYTES, SIGNING_PUBLIC_KEY_BYTES, signFields, verifyFields } from './signature';
import { ready } from './sodium';
import { asRecord, checkId, publicKeyBytes, recordBytes } from './validate';

export const ATTESTATION_CONTEXT = 'coop/v1/attestation';
const MAX_ROLES = 16;

export interface AttestationV1 {
  v: 1;
  subjectUserId: string;
  /** ISO 3166-1 alpha-3 State code, or null for people bound to no State. */
  stateCode: string | null;
  roles: string[];
  /** fingerprint() of the subject's key record. */
  fingerprint: string;
  attesterUserId: string;
  /** fingerprint() of the attester's key record. */
  attesterFingerprint: string;
  attestedAt: string;
  signature: string;
}

export type AttestationStatement = Omit<AttestationV1, 'v' | 'signature'>;

const FIELDS = [
  'v',
  'subjectUserId',
  'stateCode',
  'roles',
  'fingerprint',
  'attesterUserId',
  'attesterFingerprint',
  'attestedAt',
  'signature',
] as const;

function checkStatement(
  statement: AttestationStatement,
  code: 'invalid_input' | 'invalid_record',
): Field[] {
  const subjectUserId = checkId(statement.subjectUserId, 'subjectUserId', code);
  const { stateCode, roles } = statement;
  if (stateCode !== null && (typeof stateCode !== 'string' || !/^[A-Z]{3}$/.test(stateCode))) {
    throw new CryptoError(code, 'stateCode: three capital letters or null');
  }
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > MAX_ROLES) {
    throw new CryptoError(code, `roles: 1 to ${MAX_ROLES} role names`);
  }
  const roleNames = roles.map((role) => checkId(role, 'role', code));
  const prints = [statement.fingerprint, statement.attesterFingerprint].map((print) => {
    if (typeof print !== 'string' || !/^[0-9a-f]{64}$/.test(print)) {
      throw new CryptoError(code, 'fingerprints are 64 lower-case hex characters');
    }
    return fromHex(print);
  });
  const attesterUserId = checkId(statement.attesterUserId, 'attesterUserId', code);
  const attestedAt = checkId(statement.attestedAt, 'attestedAt', code);
  return [
    subjectUserId,
    stateCode ?? '',
    roleNames.length,
    ...roleNames,
    prints[0],
    attesterUserId,
    prints[1],
    attestedAt,
  ];
}

export async function createAttestation(
  statement: AttestationStatement,
  attesterKeys: AccountKeys,
): Promise<AttestationV1> {
  await ready();
  const fields = checkStatement(statement, 'invalid_input');
  const signature = signFields(ATTESTATION_CONTEXT, fields, attesterKeys.signing.secretKey);
  return {
    v: 1,
    subjectUserId: statement.subjectUserId,
    stateCode: statement.stateCode,
    roles: [...statement.roles],
    fingerprint: statement.fingerprint,
    attesterUserId: statement.attesterUserId,
    attesterFingerprint: statement.attesterFingerprint,
    attestedAt: statement.attestedAt,
    signature: toBase64Url(signature),
  };
}

/** True when the value is a well-formed v1 attestation signed by `attesterSigningKey`. */
export async function verifyAttestation(
  value: unknown,
  attesterSigningKey: Uint8Array | string,
): Promise<boolean> {
  await ready();
  try {
    const key = publicKeyBytes(attesterSigningKey, 'attesterSigningKey', SIGNING_PUBLIC_KEY_BYTES);
    const raw = asRecord(value, 'attestation', FIELDS);
    const fields = checkStatement(raw as unknown as AttestationStatement, 'invalid_record');
    const signature = recordBytes(raw['signature'], 'signature', SIGNATURE_BYTES);
    return verifyFields(ATTESTATION_CONTEXT, fields, signature, key);
  } catch (error) {
    if (error instanceof CryptoError) return false;
    throw error;
  }
}
