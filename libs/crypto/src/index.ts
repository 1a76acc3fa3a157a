export { CRYPTO_ERROR_CODES, CryptoError, isCryptoError, type CryptoErrorCode } from './errors';
export * as v1 from './v1';
export * from './v1';
