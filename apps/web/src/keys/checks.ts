import { qrPayload, safetyNumber, verifyAttestation, type KeyRecordV1 } from '@coop/crypto';
import type { Attestation, UserKeys } from '@coop/contracts';
import { useQuery } from '@tanstack/react-query';
import { checkRecord } from './operations';
import { fetchUserKeys } from './api';
import { KEYS_QUERY_KEY } from './queries';

/** The 60-digit safety number and the QR payload of two key records. */
export function useSafetyNumber(mine: KeyRecordV1, theirs: KeyRecordV1) {
  return useQuery({
    queryKey: [
      ...KEYS_QUERY_KEY,
      'safety-number',
      mine.userId,
      mine.signingKey,
      theirs.userId,
      theirs.signingKey,
    ],
    queryFn: async () => ({
      digits: await safetyNumber(mine, theirs),
      payload: await qrPayload(mine, theirs),
    }),
    staleTime: Infinity,
  });
}

export type AttestationState = 'current' | 'earlier' | 'invalid';

export interface CheckedAttestation {
  attestation: Attestation;
  state: AttestationState;
}

/**
 * Checks each attestation here rather than trusting the server: its signature against the
 * attester's current (self-signed) key record, and whether it names the subject's current key.
 */
export async function checkAttestations(
  subject: UserKeys,
  currentFingerprint: string | null,
  signal?: AbortSignal,
): Promise<CheckedAttestation[]> {
  const attesters = new Map<string, Promise<{ record: KeyRecordV1; fingerprint: string } | null>>();
  const attester = (id: string) => {
    let found = attesters.get(id);
    if (!found) {
      found = fetchUserKeys(id, signal)
        .then((keys) => (keys.current ? checkRecord(keys.current, id) : null))
        .catch(() => null);
      attesters.set(id, found);
    }
    return found;
  };
  return Promise.all(
    subject.attestations.map(async (attestation): Promise<CheckedAttestation> => {
      const by = await attester(attestation.attesterUserId);
      const valid =
        !!by &&
        attestation.subjectUserId === subject.userId &&
        attestation.attesterFingerprint === by.fingerprint &&
        (await verifyAttestation(attestation, by.record.signingKey));
      if (!valid) return { attestation, state: 'invalid' };
      return {
        attestation,
        state: attestation.fingerprint === currentFingerprint ? 'current' : 'earlier',
      };
    }),
  );
}

export function useAttestationChecks(subject: UserKeys, currentFingerprint: string | null) {
  return useQuery({
    queryKey: [
      ...KEYS_QUERY_KEY,
      'attestations',
      subject.userId,
      currentFingerprint,
      subject.attestations.map((a) => a.signature).join(),
    ],
    queryFn: ({ signal }) => checkAttestations(subject, currentFingerprint, signal),
    staleTime: 30_000,
  });
}
