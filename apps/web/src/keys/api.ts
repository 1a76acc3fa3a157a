import type { AttestationV1, BundleWrapV1, KeyRecordV1 } from '@coop/crypto';
import {
  rootKeySchema,
  userKeysSchema,
  userSchema,
  verificationSchema,
  wrapKindSchema,
  wrapRecordSchema,
  type UserKeys,
} from '@coop/contracts';
import { z } from 'zod';
import { apiCall, apiGet, apiSend } from '../platform';

const userKeysPath = (userId: string) => `/keys/users/${encodeURIComponent(userId)}`;

export const fetchMyKeys = (signal?: AbortSignal) => apiGet('/keys/me', userKeysSchema, signal);

/** The wrap of the passkey this session signed in with: ciphertext only, fetched to be opened. */
export function fetchMyWraps(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps', z.array(wrapRecordSchema), signal);
}

/**
 * Every wrap of the keys, recovery and passphrase ones included. The API serves them only after a
 * fresh passkey confirmation, which the API client asks for when needed.
 */
export function fetchAllMyWraps(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps/all', z.array(wrapRecordSchema), signal);
}

/** Which secrets can open the keys (the kinds of wrap there are), without the wraps themselves. */
export function fetchMyWrapKinds(signal?: AbortSignal) {
  return apiGet('/keys/me/wraps/kinds', z.array(wrapKindSchema), signal);
}

/** Adds or replaces one wrap of the current keys. */
export const saveMyWrap = (wrap: BundleWrapV1) => apiCall('PUT', '/keys/me/wraps', { wrap });

/** A new key record with its wraps; a key change needs a fresh passkey confirmation. */
export const publishMyKeys = (record: KeyRecordV1, wraps: readonly BundleWrapV1[]) =>
  apiSend('PUT', '/keys/me', { record, wraps }, userKeysSchema);

export function fetchUserKeys(userId: string, signal?: AbortSignal): Promise<UserKeys> {
  return apiGet(userKeysPath(userId), userKeysSchema, signal);
}

export const attest = (userId: string, attestation: AttestationV1) =>
  apiSend('POST', `${userKeysPath(userId)}/attestations`, attestation, userKeysSchema);

export const fetchVerifications = (signal?: AbortSignal) =>
  apiGet('/keys/verifications', z.array(verificationSchema), signal);

export const recordVerification = (input: { subjectUserId: string; fingerprint: string }) =>
  apiSend('POST', '/keys/verifications', input, verificationSchema);

export const fetchRootKey = (signal?: AbortSignal) => apiGet('/keys/root', rootKeySchema, signal);

/** Every account, for Registry admins. */
export const fetchAllUsers = (signal?: AbortSignal) =>
  apiGet('/users', z.array(userSchema), signal);

/** The members of one State, for the people who work with it. */
export const fetchStateMembers = (stateCode: string, signal?: AbortSignal) =>
  apiGet(`/states/${encodeURIComponent(stateCode)}/members`, z.array(userSchema), signal);
