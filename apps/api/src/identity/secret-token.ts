import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token for a link or cookie, and the only form in which it is stored. */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export const hashSecretToken = (token: string): Buffer =>
  createHash('sha256').update(token, 'utf8').digest();

/** Rejects anything that is not the shape of a token before it reaches the database. */
export const looksLikeToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
