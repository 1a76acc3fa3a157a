import { CryptoError } from '../errors';
import { ARGON2ID_DEFAULTS, ARGON2ID_LIMITS, PRF_OUTPUT_BYTES } from './bundle';
import { fromHex, toHex, utf8 } from './encoding';
import { ENVELOPE_SEALED_BYTES } from './envelope';
import { FILE_CHUNK_OVERHEAD, FILE_HEADER_BYTES } from './file-stream';
import { PAYLOAD_NONCE_BYTES } from './payload';
import {
  aeadDecrypt,
  aeadEncrypt,
  ARGON2ID_SALT_BYTES,
  argon2id,
  equalBytes,
  libraryConstants,
  ready,
  sealOpen,
  sha512,
  streamInitPull,
  streamPull,
  sumoConstants,
  systemRandomBytes,
  verifyDetached,
} from './sodium';

describe('libsodium wrapper', () => {
  it('refuses to work before ready()', () => {
    expect(() => systemRandomBytes(4)).toThrow(CryptoError);
    try {
      systemRandomBytes(4);
    } catch (error) {
      expect((error as CryptoError).code).toBe('not_ready');
    }
  });

  it('loads once, and the protocol constants are libsodium 1.0.22 constants', async () => {
    await Promise.all([ready(), ready()]);
    expect(libraryConstants()).toEqual({
      version: '1.0.22',
      boxPublicKeyBytes: 32,
      boxSecretKeyBytes: 32,
      boxSeedBytes: 32,
      sealBytes: ENVELOPE_SEALED_BYTES - 32,
      signPublicKeyBytes: 32,
      signSecretKeyBytes: 64,
      signSeedBytes: 32,
      signatureBytes: 64,
      aeadKeyBytes: 32,
      aeadNonceBytes: PAYLOAD_NONCE_BYTES,
      aeadTagBytes: 16,
      streamKeyBytes: 32,
      streamHeaderBytes: FILE_HEADER_BYTES,
      streamABytes: FILE_CHUNK_OVERHEAD,
      streamTagMessage: 0,
      streamTagFinal: 3,
      hashBytes: 64,
    });
    expect(PRF_OUTPUT_BYTES).toBe(32);
  });

  it('crypto_hash is SHA-512 (FIPS 180-2 "abc")', async () => {
    await ready();
    expect(toHex(sha512(utf8('abc')))).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
        '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
  });

  it('Argon2id comes from the sumo build with the documented defaults and limits', async () => {
    const constants = await sumoConstants();
    expect(constants.saltBytes).toBe(ARGON2ID_SALT_BYTES);
    expect(ARGON2ID_DEFAULTS).toEqual({
      opslimit: constants.opslimitModerate,
      memlimit: constants.memlimitModerate,
    });
    expect(ARGON2ID_LIMITS.opslimit.min).toBe(constants.opslimitInteractive);
    expect(ARGON2ID_LIMITS.memlimit.min).toBe(constants.memlimitInteractive);
    const out = await argon2id(32, utf8('pw'), new Uint8Array(16), 2, 67_108_864);
    expect(out).toHaveLength(32);
  });

  it('turns libsodium failures into typed errors or false', async () => {
    await ready();
    expect(verifyDetached(new Uint8Array(64), utf8('m'), new Uint8Array(31))).toBe(false);
    expect(verifyDetached(new Uint8Array(64), utf8('m'), new Uint8Array(32))).toBe(false);
    expect(() => sealOpen(new Uint8Array(80), new Uint8Array(32), new Uint8Array(32))).toThrow(
      expect.objectContaining({ code: 'decryption_failed' }),
    );
    const key = new Uint8Array(32);
    const nonce = new Uint8Array(24);
    const sealed = aeadEncrypt(utf8('x'), utf8('ad'), nonce, key);
    expect(aeadDecrypt(sealed, utf8('ad'), nonce, key)).toEqual(utf8('x'));
    expect(() => aeadDecrypt(sealed, utf8('other'), nonce, key)).toThrow(
      expect.objectContaining({ code: 'decryption_failed' }),
    );
    const state = streamInitPull(new Uint8Array(24), key);
    expect(streamPull(state, new Uint8Array(10))).toBe(false);
    expect(streamPull(state, new Uint8Array(40))).toBe(false);
    expect(equalBytes(fromHex('00'), fromHex('0000'))).toBe(false);
    expect(equalBytes(fromHex('0102'), fromHex('0102'))).toBe(true);
  });
});
