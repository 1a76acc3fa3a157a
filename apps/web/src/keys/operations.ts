import {
  createKeyRecord,
  fingerprint,
  generateAccountKeys,
  isCryptoError,
  readKeyRecord,
  unwrapBundle,
  wipeAccountKeys,
  wrapBundle,
  type AccountKeys,
  type BundleWrapV1,
  type KeyRecordV1,
} from '@coop/crypto';
import type { UserKeys, WrapRecord } from '@coop/contracts';
import { lastPasskeyUse } from '../webauthn';
import { publishMyKeys, saveMyWrap } from './api';
import { accountKeys } from './key-store';

/**
 * The browser side of the key directory. Everything secret (private keys, PRF outputs, recovery
 * keys, passphrases) stays in these functions' arguments and the key store; only public records
 * and wraps (ciphertext signed by the user) are sent.
 */

/** A key record the directory served for `userId`, checked here rather than trusted. */
export interface CheckedRecord {
  record: KeyRecordV1;
  /** Computed from the record, never taken from the server's answer. */
  fingerprint: string;
}

export class KeysProblem extends Error {
  constructor(readonly code: 'wrong-user' | 'no-wrap') {
    super(code);
    this.name = 'KeysProblem';
  }
}

/** Verifies the self-signature and that the record is made out to `userId`. */
export async function checkRecord(value: unknown, userId: string): Promise<CheckedRecord> {
  const { record } = await readKeyRecord(value);
  if (record.userId !== userId) throw new KeysProblem('wrong-user');
  return { record, fingerprint: await fingerprint(record) };
}

/** The current record of someone's directory entry, checked; null if they have no keys. */
export async function checkedCurrent(keys: UserKeys): Promise<CheckedRecord | null> {
  return keys.current ? checkRecord(keys.current, keys.userId) : null;
}

const wrapFor = (wraps: readonly WrapRecord[], record: KeyRecordV1, kind: WrapRecord['kind']) =>
  wraps.filter((wrap) => wrap.kind === kind && wrap.generation === record.generation);

/**
 * Opens the bundle with the PRF output of the passkey just used, if there is a wrap for it.
 * Returns null when that is not possible, so the caller asks for another secret.
 */
export async function unlockWithPasskey(
  record: KeyRecordV1,
  wraps: readonly WrapRecord[],
): Promise<AccountKeys | null> {
  const use = lastPasskeyUse();
  if (!use?.prfOutput) return null;
  const wrap = wrapFor(wraps, record, 'prf').find((w) => w.wrapId === use.credentialId);
  if (!wrap) return null;
  try {
    return await unwrapBundle(
      wrap,
      use.prfOutput,
      { userId: record.userId, generation: record.generation, credentialId: use.credentialId },
      record,
    );
  } catch (error) {
    // A wrap that does not open (substituted, or made for other keys) is as good as none.
    if (isCryptoError(error)) return null;
    throw error;
  }
}

/** Opens the bundle with the recovery key or the passphrase the user typed. */
export async function unlockWithSecret(
  kind: 'recovery' | 'passphrase',
  secret: string,
  record: KeyRecordV1,
  wraps: readonly WrapRecord[],
): Promise<AccountKeys> {
  const [wrap] = wrapFor(wraps, record, kind);
  if (!wrap) throw new KeysProblem('no-wrap');
  return unwrapBundle(
    wrap,
    secret,
    { userId: record.userId, generation: record.generation },
    record,
  );
}

/** Does the passkey just used already have a wrap of these keys? */
export function passkeyHasWrap(record: KeyRecordV1, wraps: readonly WrapRecord[]): boolean {
  const use = lastPasskeyUse();
  return !!use && wrapFor(wraps, record, 'prf').some((w) => w.wrapId === use.credentialId);
}

/**
 * Wraps the unlocked keys for the passkey just used, so the next sign-in with it is silent.
 * Does nothing (false) without unlocked keys or without a PRF output.
 */
export async function savePasskeyWrap(userId: string): Promise<boolean> {
  const unlocked = accountKeys(userId);
  const use = lastPasskeyUse();
  if (!unlocked || !use?.prfOutput) return false;
  const wrap = await wrapBundle(unlocked.keys, 'prf', use.prfOutput, {
    userId,
    generation: unlocked.record.generation,
    credentialId: use.credentialId,
  });
  await saveMyWrap(wrap);
  return true;
}

export interface NewKeys {
  keys: AccountKeys;
  record: KeyRecordV1;
  fingerprint: string;
}

export async function generateKeys(userId: string, generation: number): Promise<NewKeys> {
  const keys = await generateAccountKeys();
  const record = await createKeyRecord(keys, { userId, generation });
  return { keys, record, fingerprint: await fingerprint(record) };
}

export type Protection =
  | { kind: 'prf'; credentialId: string; prfOutput: Uint8Array }
  | { kind: 'passphrase'; passphrase: string };

/**
 * Publishes new keys with their wraps: the recovery key always, plus the passkey's PRF output
 * or a passphrase. A key change needs a fresh passkey confirmation, which the API client asks for.
 */
export async function publishKeys(
  fresh: NewKeys,
  recoverySecret: Uint8Array,
  protections: readonly Protection[],
): Promise<UserKeys> {
  const { keys, record } = fresh;
  const ids = { userId: record.userId, generation: record.generation };
  const wraps: BundleWrapV1[] = [await wrapBundle(keys, 'recovery', recoverySecret, ids)];
  for (const protection of protections) {
    wraps.push(
      protection.kind === 'prf'
        ? await wrapBundle(keys, 'prf', protection.prfOutput, {
            ...ids,
            credentialId: protection.credentialId,
          })
        : await wrapBundle(keys, 'passphrase', protection.passphrase, ids),
    );
  }
  return publishMyKeys(record, wraps);
}

export function discardKeys(fresh: NewKeys | null | undefined): void {
  if (fresh) wipeAccountKeys(fresh.keys);
}
