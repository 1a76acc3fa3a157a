import * as crypto from './index';
import { CRYPTO_ERROR_CODES, CryptoError, isCryptoError } from './index';

describe('package entry', () => {
  it('exports the named v1 operations under v1 and at the top level, and nothing generic', () => {
    const operations = [
      'ready',
      'generateAccountKeys',
      'wipeAccountKeys',
      'createKeyRecord',
      'verifyKeyRecord',
      'readKeyRecord',
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
      'encryptFileStream',
      'decryptFileStream',
      'encryptedFileSize',
      'createAttestation',
      'verifyAttestation',
    ] as const;
    for (const name of operations) {
      expect(typeof crypto[name]).toBe('function');
      expect(crypto.v1[name]).toBe(crypto[name]);
    }
    expect(Object.keys(crypto.v1).sort()).toEqual(
      [...operations, 'WRAP_KINDS', 'FILE_CHUNK_BYTES'].sort(),
    );
    expect(Object.keys(crypto).sort()).toEqual(
      [
        ...Object.keys(crypto.v1),
        'v1',
        'CRYPTO_ERROR_CODES',
        'CryptoError',
        'isCryptoError',
      ].sort(),
    );
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
