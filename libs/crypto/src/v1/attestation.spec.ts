import vectors from '../../vectors/v1/attestation.json';
import { generateAccountKeys } from './account-keys';
import {
  createAttestation,
  verifyAttestation,
  type AttestationStatement,
  type AttestationV1,
} from './attestation';
import { encodeFields, fromHex, toHex } from './encoding';
import { ready } from './sodium';
import { flipBase64UrlBit, seedFromLabel, withDeterministicRandom } from './testing';

beforeAll(ready);

describe('attestations', () => {
  it.each(vectors.cases)('reproduces the vector for $attestation.stateCode', async (vector) => {
    const { result: admin } = await withDeterministicRandom(
      seedFromLabel(vector.attesterKeysSeedLabel),
      generateAccountKeys,
    );
    const { v: _v, signature: _s, ...statement } = vector.attestation;
    const a = vector.attestation;
    const signed = encodeFields('coop/v1/attestation', [
      a.subjectUserId,
      a.stateCode ?? '',
      a.roles.length,
      ...a.roles,
      fromHex(a.fingerprint),
      a.attesterUserId,
      fromHex(a.attesterFingerprint),
      a.attestedAt,
    ]);
    expect(toHex(signed)).toBe(vector.signedMessage);
    await expect(createAttestation(statement, admin)).resolves.toEqual(vector.attestation);
    await expect(
      verifyAttestation(vector.attestation, fromHex(vector.attesterSigningPublicKey)),
    ).resolves.toBe(true);
  });

  it('rejects any change, another key, and malformed records', async () => {
    const admin = await generateAccountKeys();
    const other = await generateAccountKeys();
    const statement: AttestationStatement = {
      subjectUserId: 'subject',
      stateCode: 'FRA',
      roles: ['focal_point', 'facilitator'],
      fingerprint: 'ab'.repeat(32),
      attesterUserId: 'admin',
      attesterFingerprint: 'cd'.repeat(32),
      attestedAt: '2025-03-01T12:00:00.000Z',
    };
    const attestation = await createAttestation(statement, admin);
    const key = admin.signing.publicKey;
    await expect(verifyAttestation(attestation, key)).resolves.toBe(true);
    const changes: Partial<AttestationV1>[] = [
      { subjectUserId: 'someone' },
      { stateCode: 'DEU' },
      { stateCode: null },
      { roles: ['focal_point'] },
      { roles: ['facilitator', 'focal_point'] },
      { fingerprint: 'ac'.repeat(32) },
      { attesterUserId: 'admin2' },
      { attesterFingerprint: 'ce'.repeat(32) },
      { attestedAt: '2025-03-01T12:00:01.000Z' },
      { signature: flipBase64UrlBit(attestation.signature, 77) },
    ];
    for (const change of changes) {
      await expect(verifyAttestation({ ...attestation, ...change }, key)).resolves.toBe(false);
    }
    await expect(verifyAttestation(attestation, other.signing.publicKey)).resolves.toBe(false);
    await expect(verifyAttestation(attestation, 'AAAA')).resolves.toBe(false);
    for (const bad of [
      null,
      { ...attestation, v: 2 },
      { ...attestation, roles: [] },
      { ...attestation, extra: 1 },
    ]) {
      await expect(verifyAttestation(bad, key)).resolves.toBe(false);
    }
    const invalid: Partial<AttestationStatement>[] = [
      { stateCode: 'fra' },
      { stateCode: '' },
      { roles: [] },
      { roles: [''] },
      { fingerprint: 'AB'.repeat(32) },
      { subjectUserId: '' },
    ];
    for (const change of invalid) {
      await expect(createAttestation({ ...statement, ...change }, admin)).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
  });
});
