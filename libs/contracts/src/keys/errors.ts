export const KEYS_ERROR_CODES = ['signature-invalid', 'no-keys', 'key-changed'] as const;
export type KeysErrorCode = (typeof KEYS_ERROR_CODES)[number];
