import * as crypto from './index';
import { CRYPTO_ERROR_CODES, CryptoError, isCryptoError } from './index';

describe('package entry', () => {
  it('exports the v1 API under v1 and at the top level, without the test seam', () => {
    const names = [
      'ready',
      'generateAccountKeys',
      'createKeyRecord',
      'verifyKeyRecord',
      'fingerprint',
      'wrapBundle',
      'unwrapBundle',
      'verifyWrapRecord',
      'generateRecoveryKey',
      'parseRecoveryKey',
      'safetyNumber',
      'qrPayload',
      'compareQrPayload',
      'sealEnvelope',
      'openEnvelope',
      'verifyEnvelope',
      'encryptPayload',
      'decryptPayload',
      'sign',
      'verify',
      'encryptFileStream',
      'decryptFileStream',
      'createAttestation',
      'verifyAttestation',
    ] as const;
    for (const name of names) {
      expect(typeof crypto[name]).toBe('function');
      expect(crypto.v1[name]).toBe(crypto[name]);
    }
    const exported = Object.keys(crypto.v1);
    for (const internal of [
      'setRandomSource',
      'useDeterministicRandom',
      'randomBytes',
      'argon2id',
    ]) {
      expect(exported).not.toContain(internal);
    }
  });

  it('has one error type with codes', async () => {
    const error = new CryptoError('invalid_signature', 'no');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CryptoError');
    expect(isCryptoError(error)).toBe(true);
    expect(isCryptoError(error, 'invalid_signature')).toBe(true);
    expect(isCryptoError(error, 'invalid_input')).toBe(false);
    expect(isCryptoError(new Error('x'))).toBe(false);
    expect(new Set(CRYPTO_ERROR_CODES).size).toBe(CRYPTO_ERROR_CODES.length);
    await crypto.ready();
    await expect(crypto.verifyKeyRecord({ v: 1 })).resolves.toBe(false);
  });
});
